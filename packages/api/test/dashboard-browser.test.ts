// The dashboard in Debian's headless Chromium, against a real API server on a database the real
// pipeline filled (pipeline-seed.ts), as `pnpm start` serves it in demo mode (reads open, writes
// with a key). One browser for the file; every request to another host is closed and must not
// happen. Screenshots go to test-artifacts/dashboard/ (git-ignored).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPgPool, defaultStrategy, loadPlugins, runBacktestJob } from "@edgeline/core";
import { ensureDashboardBundle } from "@edgeline/dashboard/bundle";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROMIUM_PATH,
  closeOtherHosts,
  hasChromium,
  launchChromium,
  screenshot,
  seriousAxeViolations,
} from "./browser.ts";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";
import { type PipelineSeed, seedWithPipeline } from "./pipeline-seed.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

if (!hasChromium) {
  console.warn(
    `dashboard browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set EDGELINE_CHROMIUM)`,
  );
}

// Run in the page (the DOM's types are not in this package's lib).
type InPage = {
  document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): unknown };
};
const nothingLoading = () =>
  (globalThis as unknown as InPage).document.querySelectorAll('[aria-busy="true"]').length === 0;
const chartDrawn = () => {
  const el = (globalThis as unknown as InPage).document.querySelector(".chart-canvas") as {
    uplot?: unknown;
  } | null;
  return el?.uplot !== undefined;
};
/** The x and y arrays the chart's uPlot instance plotted (line-chart.tsx keeps it as `uplot`). */
const plottedData = (el: unknown) => (el as { uplot: { data: unknown } }).uplot.data;

describe.skipIf(!hasChromium)("the dashboard in Chromium", () => {
  let h: Harness;
  let seed: PipelineSeed;
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dashboardDir = await ensureDashboardBundle();
    h = await startHarness({
      config: { readRequiresKey: false },
      dashboardDir,
      seed: async (_api, db) => {
        seed = await seedWithPipeline(db.url);
        // One stored backtest of the seeded NHL days, as `pnpm edgeline backtest` stores it.
        const pool = createPgPool({ connectionString: db.url, poolSize: 2 });
        try {
          await runBacktestJob(pool, await loadPlugins({ cwd: repoRoot, env: {} }), {
            sport: "NHL",
            from: seed.from,
            to: seed.today,
            strategies: [defaultStrategy()],
          });
        } finally {
          await pool.end();
        }
      },
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    blocked = await closeOtherHosts(context, h.origin);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    return page;
  }

  /** Opens a dashboard path and waits until nothing on it is still loading. */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${h.origin}${path}`);
    await page.locator("main h1").waitFor();
    await page.waitForFunction(nothingLoading);
  }

  async function firstEntity(sport: string): Promise<{ entityId: string }> {
    const { leaderboard } = dataOf(
      await h.gql<{ leaderboard: { edges: { node: { entityId: string } }[] } }>(
        `query ($s: String!) { leaderboard(sport: $s, first: 1) { edges { node { entityId } } } }`,
        { s: sport },
      ),
    );
    return leaderboard.edges[0]!.node;
  }

  it("loads every page on the pipeline's data, with no error and no serious accessibility violation", async () => {
    const nhlTeam = await firstEntity("NHL");
    const pages = [
      { name: "overview", path: "/", expect: "Portfolio value over time" },
      { name: "bets", path: "/bets", expect: "Placed bets" },
      { name: "sport-nhl", path: `/sport/NHL?team=${nhlTeam.entityId}`, expect: "Elo rating by day" },
      { name: "sport-epl", path: "/sport/EPL", expect: "Elo leaderboard" },
      { name: "pipelines", path: "/pipelines", expect: "Runs by sport, step and day" },
      { name: "backtests", path: "/backtests", expect: "Equity curve" },
    ];
    const page = await newPage();
    // The first Tab reaches the skip link, which moves focus to the page's content.
    await open(page, "/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement.id")).toBe("main");
    for (const p of pages) {
      await open(page, p.path);
      await expect.poll(() => page.locator("main").textContent(), { timeout: 10_000 }).toContain(p.expect);
      expect(await page.locator("main [role=alert], main .key-prompt").count(), `${p.path}: errors`).toBe(0);
      expect(await seriousAxeViolations(page), `${p.path}: axe`).toEqual([]);
      await screenshot(page, p.name);
    }
    await page.close();
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it("plots the portfolio snapshots and a team's ratings exactly as the API returns them", async () => {
    const { portfolio } = dataOf(
      await h.gql<{
        portfolio: {
          snapshots: {
            edges: {
              node: { snapshotTime: string; totalValue: string; realizedPnl: string; unrealizedPnl: string };
            }[];
          };
        };
      }>(
        `{ portfolio { snapshots(first: 100) { edges { node { snapshotTime totalValue realizedPnl unrealizedPnl } } } } }`,
      ),
    );
    const snapshots = portfolio.snapshots.edges.map((e) => e.node);
    expect(snapshots.length).toBeGreaterThanOrEqual(6);
    const page = await newPage();
    await open(page, "/?window=all");
    await page.waitForFunction(chartDrawn);
    // The first chart is the total value, the second realized and unrealized P&L.
    const charts = page.locator(".chart-canvas");
    const value = (await charts.nth(0).evaluate(plottedData)) as (number | null)[][];
    const pnl = (await charts.nth(1).evaluate(plottedData)) as (number | null)[][];
    const times = snapshots.map((s) => Date.parse(s.snapshotTime) / 1000);
    expect(value).toEqual([times, snapshots.map((s) => Number(s.totalValue))]);
    expect(pnl).toEqual([
      times,
      snapshots.map((s) => Number(s.realizedPnl)),
      snapshots.map((s) => Number(s.unrealizedPnl)),
    ]);

    const team = await firstEntity("NHL");
    const { eloRatings } = dataOf(
      await h.gql<{ eloRatings: { edges: { node: { rating: string; validFrom: string } }[] } }>(
        `query ($e: String!) { eloRatings(sport: "NHL", entityId: $e, first: 100) { edges { node { rating validFrom } } } }`,
        { e: team.entityId },
      ),
    );
    const history = eloRatings.edges.map((e) => e.node).reverse();
    expect(history.length).toBeGreaterThan(1);
    await open(page, `/sport/NHL?team=${team.entityId}`);
    await page.waitForFunction(chartDrawn);
    const ratings = (await page.locator(".chart-canvas").first().evaluate(plottedData)) as number[][];
    expect(ratings[0]).toEqual(history.map((r) => Date.parse(`${r.validFrom}T00:00:00Z`) / 1000));
    expect(ratings[1]).toEqual(history.map((r) => Number(r.rating)));
    await page.close();
  });

  it("plots a stored backtest's equity curve and calibration exactly as the API returns them", async () => {
    const { backtestRuns } = dataOf(
      await h.gql<{
        backtestRuns: {
          edges: {
            node: {
              id: string;
              curve: { day: string; bankroll: string }[];
              forecasts: {
                forecaster: string;
                calibration: { lower: number; upper: number; count: number; observedRate: number | null }[];
              }[];
            };
          }[];
        };
      }>(
        `{ backtestRuns(first: 1) { edges { node { id curve { day bankroll }
             forecasts { forecaster calibration { lower upper count observedRate } } } } } }`,
      ),
    );
    const run = backtestRuns.edges[0]!.node;
    expect(run.curve.length).toBeGreaterThan(0);
    const page = await newPage();
    await open(page, `/backtests?run=${run.id}`);
    await page.waitForFunction(chartDrawn);
    const charts = page.locator(".chart-canvas");
    const equity = (await charts.nth(0).evaluate(plottedData)) as number[][];
    expect(equity).toEqual([
      run.curve.map((p) => Date.parse(`${p.day}T00:00:00Z`) / 1000),
      run.curve.map((p) => Number(p.bankroll)),
    ]);
    // Calibration: the buckets' midpoints, the diagonal, then each forecaster of the same games.
    const shown = run.forecasts.some((f) => f.forecaster !== "modelAll")
      ? run.forecasts.filter((f) => f.forecaster !== "modelAll")
      : run.forecasts;
    const calibration = (await charts.nth(1).evaluate(plottedData)) as (number | null)[][];
    const mid = shown[0]!.calibration.map((b) => (b.lower + b.upper) / 2);
    expect(calibration).toEqual([
      mid,
      mid,
      ...shown.map((f) => f.calibration.map((b) => (b.count > 0 ? b.observedRate : null))),
    ]);
    await screenshot(page, "backtest-run");
    await page.close();
  });

  it("shows the failed run with its error, and the re-run button queues a job once given a write key", async () => {
    const sport = seed.sports[0]!;
    const page = await newPage();
    await open(page, "/pipelines?days=30");
    const cell = page.getByRole("button", { name: `${sport} fetch_markets ${seed.failedDay}: failed` });
    // By keyboard: focus the cell and press Enter.
    await cell.focus();
    await page.keyboard.press("Enter");
    const details = page.locator("section.panel");
    await expect.poll(() => details.textContent()).toMatch(/kalshi.*500/i);
    await expect.poll(() => page.locator("main").textContent()).toContain("Failures");

    await details
      .getByRole("button", { name: `Re-run fetch_markets for ${sport} on ${seed.failedDay}` })
      .click();
    // No key: 401, the page asks for one. A read key: 403, it asks for a write key.
    await page.getByRole("textbox", { name: "API key" }).fill(h.keys.read);
    await page.getByRole("button", { name: "Use this key" }).click();
    await expect.poll(() => details.textContent()).toContain("A write API key is needed");
    await page.getByRole("textbox", { name: "API key" }).fill(h.keys.write);
    await page.getByRole("button", { name: "Use this key" }).click();
    await expect.poll(() => details.locator("[role=status]").textContent()).toMatch(/Queued: fetch_markets/);

    expect(await page.evaluate("sessionStorage.getItem('edgeline.apiKey')")).toBe(h.keys.write);
    expect(page.url()).not.toContain(h.keys.write);
    const run = await h.api.pool.query(
      `SELECT status FROM pipeline_runs WHERE sport = $1 AND run_date = $2 AND step = 'fetch_markets'
       ORDER BY run_id DESC LIMIT 1`,
      [sport, seed.failedDay],
    );
    expect(run.rows[0]?.status).toBe("queued");
    const jobs = await h.api.pool.query("SELECT task_identifier FROM graphile_worker.jobs WHERE key = $1", [
      `multi_sport_betting_workflow:${sport}:${seed.failedDay}:fetch_markets`,
    ]);
    expect(jobs.rows).toEqual([{ task_identifier: "fetch_markets" }]);
    await screenshot(page, "pipelines-rerun");

    // The key stays for the tab: the Overview's snapshot button queues the hourly job at once.
    await open(page, "/");
    await page.getByRole("button", { name: "Take a portfolio snapshot now" }).click();
    await expect.poll(() => page.locator("main [role=status]").textContent()).toContain("Snapshot queued");
    const snapshot = await h.api.pool.query(
      "SELECT status FROM pipeline_runs WHERE step = 'portfolio_hourly_snapshot' ORDER BY run_id DESC LIMIT 1",
    );
    expect(snapshot.rows[0]?.status).toBe("queued");
    await page.close();
  });

  it("records a manual bet after its confirm step; cancel writes nothing", async () => {
    const { games } = dataOf(
      await h.gql<{ games: { edges: { node: { id: string } }[] } }>(
        `query ($d: Date!) { games(sport: "NHL", from: $d, to: $d, first: 1) { edges { node { id } } } }`,
        { d: seed.today },
      ),
    );
    const gameId = games.edges[0]!.node.id;
    const count = async () =>
      Number(
        (await h.api.pool.query("SELECT count(*) AS n FROM placed_bets WHERE bet_id = 'TICKET-42'")).rows[0]
          .n,
      );

    const page = await newPage(); // a new tab: no key in its sessionStorage
    await open(page, "/bets");
    const form = page.getByRole("form", { name: "Manual bet" });
    await form.getByLabel("Venue (bookmaker)").fill("BetMGM");
    await form.getByLabel("Game id (optional)").fill(gameId);
    await form.getByLabel("Market id").fill(`${gameId}:moneyline`);
    await form.getByLabel("Outcome backed").fill("home_team_win");
    await form.getByLabel("Decimal odds").fill("2.15");
    await form.getByLabel("Stake ($)").fill("12.50");
    await form.getByLabel("Venue ticket id (optional)").fill("TICKET-42");
    await form.getByRole("button", { name: "Review…" }).click();
    const confirm = page.getByRole("group", { name: "Confirm this bet" });
    await expect.poll(() => confirm.textContent()).toContain("$26.88"); // 12.50 × 2.15 = 26.875, to the cent
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await count()).toBe(0);
    expect(await form.getByLabel("Decimal odds").inputValue()).toBe("2.15");

    await form.getByRole("button", { name: "Review…" }).click();
    await confirm.getByRole("button", { name: "Confirm and record" }).click();
    await page.getByRole("textbox", { name: "API key" }).fill(h.keys.write);
    await page.getByRole("button", { name: "Use this key" }).click();
    await expect.poll(() => page.locator(".success").textContent()).toContain("Recorded bet TICKET-42");
    const row = await h.api.pool.query(
      "SELECT bookmaker, game_id, stake::text, odds::text, potential_payout::text, status FROM placed_bets WHERE bet_id = 'TICKET-42'",
    );
    expect(row.rows).toEqual([
      {
        bookmaker: "BetMGM",
        game_id: gameId,
        stake: "12.50",
        odds: "2.1500",
        potential_payout: "26.88",
        status: "pending",
      },
    ]);

    // The venue filter narrows the list to that book (the paper bets the pipeline placed at its
    // prices carry its name too, since paper keeps the venue's name).
    await page.getByLabel("Venue", { exact: true }).fill("BetMGM");
    await page.getByLabel("Venue", { exact: true }).press("Enter");
    await page.getByLabel("Venue", { exact: true }).blur();
    await expect.poll(() => page.url()).toContain("bookmaker=BetMGM");
    // The URL changes before the filtered page has loaded: wait for the rows themselves.
    const venues = () =>
      page.locator("section[aria-labelledby=bets-heading] tbody tr td:nth-child(4)").allTextContents();
    await expect.poll(async () => [...new Set(await venues())]).toEqual(["BetMGM"]);
    await page.waitForFunction(nothingLoading);
    expect(new Set(await venues())).toEqual(new Set(["BetMGM"]));
    await screenshot(page, "bets-manual");
    await page.close();
  });

  it("shows the trading status (paper, trading or paused with its reason) and the book bets awaiting a person", async () => {
    const page = await newPage();
    await open(page, "/");
    const indicators = page.getByRole("list", { name: "Trading mode" });
    await expect.poll(() => indicators.textContent()).toContain("Paper money");
    expect(await indicators.locator("[data-trading-state]").getAttribute("data-trading-state")).toBe(
      "trading",
    );
    expect(await indicators.textContent()).not.toContain("not in the API yet");

    const pause = await h.gql(
      `mutation { pauseTrading(reason: "exchange outage") { paused mode } }`,
      {},
      {
        key: "write",
      },
    );
    expect(pause.body.data).toEqual({ pauseTrading: { paused: true, mode: "paper" } });
    try {
      await open(page, "/");
      await expect.poll(() => indicators.textContent()).toContain("exchange outage");
      expect(await indicators.locator("[data-trading-state]").getAttribute("data-trading-state")).toBe(
        "paused",
      );
      expect(await indicators.textContent()).toMatch(/Paused.*kill switch set by api key/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, "overview-paused");
    } finally {
      await h.gql("mutation { resumeTrading { paused } }", {}, { key: "write" });
    }

    // A live book bet written awaiting a person, as the manual broker writes it.
    await h.api.pool.query(
      `INSERT INTO placed_bets (bet_id, market_id, bookmaker, outcome, stake, odds, potential_payout, status,
         placed_time_utc, market_close_time_utc, market_title, trading_mode, venue, min_odds)
       VALUES ('awaiting-1', 'odds-dk-1', 'DraftKings', 'home_team_win', 20, 2.4, 48, 'awaiting',
         now(), now() + interval '3 hours', 'G moneyline home', 'live', 'manual', 2.2105)`,
    );
    try {
      await open(page, "/bets");
      const awaiting = page.locator("section[aria-labelledby=awaiting-heading]");
      await expect.poll(() => awaiting.textContent()).toContain("awaiting-1");
      const cells = await awaiting.locator("tbody tr").first().locator("td").allTextContents();
      expect(cells.slice(0, 7)).toEqual([
        "awaiting-1",
        "G moneyline home",
        "DraftKings",
        expect.any(String),
        "$20.00",
        "2.40",
        // The floor 2.2105 rounded up: a price shown is one that clears it.
        "2.22",
      ]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, "bets-awaiting");
    } finally {
      await h.api.pool.query("DELETE FROM placed_bets WHERE bet_id = 'awaiting-1'");
    }
    await page.close();
  });

  it("renders GraphiQL from the project's own files with every other host closed", async () => {
    const offline = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const refused = await closeOtherHosts(offline, h.origin);
    const page = await offline.newPage();
    await page.goto(`${h.origin}/graphql`);
    await page.locator(".graphiql-container").first().waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.locator(".graphiql-container").first().textContent(), { timeout: 20_000 })
      .toContain("GamesWithOdds");
    await screenshot(page, "graphiql-offline");
    expect(refused).toEqual([]);
    await offline.close();
  });
});
