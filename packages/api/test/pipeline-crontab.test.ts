// The schedule as graphile-worker cron items: stable identifiers, the configured UTC time, the
// bounded backfill, and validation of the options.
import { describe, expect, it } from "vitest";
import { cronItems, parsedCronItems, parseWorkerOptions } from "../src/worker/index.ts";
import { testRegistry, testWorld } from "./pipeline-helpers.ts";

const plugins = testRegistry(testWorld("2024-01-20"));

describe("crontab", () => {
  it("has the daily DAG per sport at the configured UTC time, the two hourly jobs and the daily summary", () => {
    const items = cronItems(plugins, parseWorkerOptions({ dailyAt: "09:30", cronBackfillHours: 24 }));
    expect(items.map((i) => [i.identifier, i.task, i.match])).toEqual([
      ["daily_dag:TST", "daily_dag", "30 9 * * *"],
      ["portfolio_hourly_snapshot", "portfolio_hourly_snapshot", "0 * * * *"],
      ["bet_sync_hourly", "bet_sync_hourly", "0 * * * *"],
      ["notify_daily_summary", "notify_daily_summary", "30 9 * * *"],
    ]);
    expect(items[0]!.options?.backfillPeriod).toBe(24 * 3_600_000);
    expect(items[1]!.options?.backfillPeriod).toBe(3_600_000);
    expect(parsedCronItems(plugins, parseWorkerOptions({}))).toHaveLength(4);
  });

  it("rejects a bad time, and a scheduled sport that is not loaded", () => {
    expect(() => parseWorkerOptions({ dailyAt: "25:00" })).toThrow(/dailyAt: expected HH:MM/);
    expect(() => cronItems(plugins, parseWorkerOptions({ sports: ["NHL"] }))).toThrow(/"NHL" is not loaded/);
  });
});
