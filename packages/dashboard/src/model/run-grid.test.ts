import { describe, expect, it } from "vitest";
import { failures, gridDays, type Run, runGrid } from "./run-grid.ts";

let id = 0;
const run = (
  sport: string | null,
  step: string,
  runDate: string,
  minute: number,
  status = "succeeded",
  attempt = 1,
): Run => ({
  id: String(++id),
  dag: sport ? "multi_sport_betting_workflow" : "hourly",
  sport,
  step,
  runDate,
  status,
  attempt,
  queuedAt: `${runDate}T06:${String(minute).padStart(2, "0")}:00.000Z`,
  startedAt: null,
  finishedAt: null,
  rowsWritten: null,
  error: status === "failed" ? "kalshi: 500" : null,
});

describe("runGrid", () => {
  const runs = [
    run("NHL", "fetch_markets", "2026-12-01", 2, "failed", 1),
    run("NHL", "download_games", "2026-12-01", 1),
    run("NHL", "fetch_markets", "2026-12-01", 3, "succeeded", 2),
    run("NHL", "download_games", "2026-12-02", 1),
    run("EPL", "download_games", "2026-12-02", 1),
    run(null, "portfolio_hourly_snapshot", "2026-12-02", 0),
    run("NHL", "download_games", "2026-11-01", 1),
  ];
  const days = ["2026-12-01", "2026-12-02"];

  it("has a row per sport and step in DAG order, hourly jobs last, and the latest attempt per cell", () => {
    const grid = runGrid(runs, days);
    expect(grid.rows.map((r) => [r.sport, r.step])).toEqual([
      ["EPL", "download_games"],
      ["NHL", "download_games"],
      ["NHL", "fetch_markets"],
      [null, "portfolio_hourly_snapshot"],
    ]);
    const fetch = grid.rows[2]!.cells.get("2026-12-01")!;
    expect(fetch.latest.status).toBe("succeeded");
    expect(fetch.attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(grid.rows[2]!.cells.has("2026-12-02")).toBe(false);
  });

  it("lists failures in the window, newest first", () => {
    expect(failures(runs, days).map((r) => [r.step, r.error])).toEqual([["fetch_markets", "kalshi: 500"]]);
  });

  it("ends the window on the latest run date or today, whichever is later", () => {
    expect(gridDays(runs, 3, "2026-12-01")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(gridDays(runs, 2, "2026-12-05")).toEqual(["2026-12-04", "2026-12-05"]);
  });
});
