import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("applies defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ url: undefined, poolSize: 10, statementTimeoutMs: 30_000 });
    expect(config.port).toBe(4000);
    expect(config.api.readRequiresKey).toBeUndefined();
    expect(config.worker).toMatchObject({
      concurrency: 4,
      maxAttempts: 3,
      dailyAt: "10:00",
      scheduleSports: [],
    });
  });

  it("names every variable that is malformed, in one error", () => {
    const bad = () =>
      loadConfig({ EDGELINE_DB_POOL_SIZE: "lots", DATABASE_URL: "mysql://x", EDGELINE_DAILY_AT: "25:00" });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/EDGELINE_DB_POOL_SIZE/);
    expect(bad).toThrow(/DATABASE_URL: must be a postgres/);
    expect(bad).toThrow(/EDGELINE_DAILY_AT: expected HH:MM/);
  });

  it("treats an empty variable as unset, and reads lists and booleans", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(4000);
    const c = loadConfig({ EDGELINE_SCHEDULE_SPORTS: "NHL, nfl", EDGELINE_API_READ_REQUIRES_KEY: "0" });
    expect(c.worker.scheduleSports).toEqual(["NHL", "nfl"]);
    expect(c.api.readRequiresKey).toBe(false);
  });

  it("trades on paper with default risk limits unless told; a bad limit names its variable", () => {
    expect(loadConfig({}).trading).toEqual({
      live: false,
      risk: {
        maxStakePerBet: "50",
        maxStakePerDay: "250",
        maxStakePerGame: "100",
        maxOpenExposure: "500",
        dailyLossLimit: "200",
        maxOpenPositions: 50,
      },
    });
    expect(
      loadConfig({ EDGELINE_LIVE_TRADING: "1", EDGELINE_RISK_MAX_STAKE_PER_BET: "12.50" }).trading,
    ).toMatchObject({
      live: true,
      risk: { maxStakePerBet: "12.50" },
    });
    expect(() => loadConfig({ EDGELINE_RISK_DAILY_LOSS_LIMIT: "-5", EDGELINE_LIVE_TRADING: "yes" })).toThrow(
      /EDGELINE_LIVE_TRADING[\s\S]*EDGELINE_RISK_DAILY_LOSS_LIMIT: must be an amount/,
    );
  });
});
