// Backtests of the lines an archive gives without a price (the SBR NBA spreads and totals): left
// out unless asked, and with `--assume-price -110` bet at that price, every such bet marked, the
// report saying what it assumed and nothing of it written to the price tables. Two real NBA
// workbooks read in place (2015-16 is the model's history, 2016-17 is bet).
import { defaultStrategy, formatReport, runBacktestJob } from "@edgeline/core";
import { hasShared, sharedPath } from "@edgeline/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accepted, type ImportTest, startImportTest } from "./import-helpers.ts";
import { runCli } from "./run-cli.ts";

const SEASONS = ["2015-16", "2016-17"].map((s) => sharedPath("datasets", "sbr", "nba", `nba odds ${s}.xlsx`));

describe.skipIf(!hasShared("datasets", "sbr", "README.md"))("backtests at an assumed price (SBR NBA)", () => {
  let t: ImportTest;
  beforeAll(async () => {
    t = await startImportTest();
    accepted(await t.run({ kind: "sbr", sport: "NBA", paths: SEASONS, skipBadRows: true }));
  }, 120_000);
  afterAll(() => t?.close());

  const priceTables = async () =>
    (
      await t.pool.query(
        `SELECT (SELECT count(*) FROM odds_quotes WHERE price IS NULL)::int AS unpriced,
                (SELECT count(*) FROM odds_quotes)::int AS quotes,
                (SELECT count(*) FROM game_odds)::int AS current`,
      )
    ).rows[0];

  const spreads = (assumedPrice?: number) =>
    runBacktestJob(t.pool, t.plugins, {
      sport: "NBA",
      from: "2016-10-25",
      to: "2017-06-12",
      strategies: [{ ...rawSpreads(), name: "spreads" }],
      store: false,
      ...(assumedPrice === undefined ? {} : { assumedPrice }),
    });

  it("leaves the unpriced lines out unless a price is assumed", async () => {
    const { report } = (await spreads()).reports[0]!;
    expect(report.assumedPrice).toBeNull();
    expect(report.betting.bets).toBe(0);
    expect(formatReport(report)).not.toContain("assumed");
  }, 60_000);

  it("at -110, bets the spreads at 1.9091, marks every such bet, and says so; writes no price", async () => {
    const before = await priceTables();
    expect(before.unpriced).toBeGreaterThan(4 * 2400); // two seasons of spreads and totals, both sides
    const { report, run } = (await spreads(-110)).reports[0]!;
    const a = report.assumedPrice!;
    expect(a).toMatchObject({ american: -110, decimal: 1.9091 });
    // Every unpriced spread and total quote of the history, to the span's end.
    expect(a.quotes).toBe(before.unpriced);
    expect(run.bets.length).toBeGreaterThan(20);
    expect(a.bets).toBe(run.bets.length);
    for (const bet of run.bets) {
      expect(bet.market).toBe("spread");
      expect(bet.assumedPrice).toBe(true);
      expect(bet.price.toFixed(4)).toBe("1.9091");
      // A spread at -110 needs more than 52.4% to have any edge.
      expect(bet.probability).toBeGreaterThan(1 / 1.9091);
    }
    expect(report.byMarket.spread?.bets).toBe(run.bets.length);
    expect(a.note).toContain(`${a.quotes} line quotes given without a price were priced at an assumed -110`);
    expect(formatReport(report)).toContain(`assumed price: ${a.note}`);
    expect(await priceTables()).toEqual(before);
  }, 60_000);

  it("the CLI takes --assume-price and refuses what is not American odds", async () => {
    const args = ["backtest", "--sport", "NBA", "--from", "2016-10-25", "--to", "2016-11-30", "--no-store"];
    const ok = await runCli([...args, "--assume-price", "-110"], { DATABASE_URL: t.db.url });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("priced at an assumed -110 (decimal 1.9091)");
    for (const [value, message] of [
      ["50", "--assume-price: American odds such as -110: at most -100 or at least +100"],
      ["minus", "--assume-price: American odds such as -110"],
    ] as const) {
      const bad = await runCli([...args, "--assume-price", value], { DATABASE_URL: t.db.url });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(message);
    }
  }, 60_000);
});

/**
 * The raw model (538's margin rule, weight 1) on spreads only: it bets wherever the rule disagrees
 * with the line. The fitted blend gives the model about 0.01 beside the closing spread, and bets
 * nothing at -110.
 */
function rawSpreads() {
  return { ...defaultStrategy(), markets: ["spread" as const], blend: { weight: 1 } };
}
