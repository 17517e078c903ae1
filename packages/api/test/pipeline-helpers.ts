// Shared by the pipeline tests: a small sport plugin and odds source whose answers are a pure
// function of the dates asked (so reruns see the same world), fault injection, and a dump of
// every table for exact before/after comparisons.
import {
  addDays,
  createPgPool,
  createPluginRegistry,
  DEFAULT_STAKING_LIMITS,
  daysBetween,
  defineOddsSource,
  defineSport,
  type GameRecord,
  type OddsRecord,
  type OddsSourcePlugin,
  oddsId,
  type PluginRegistry,
} from "@edgeline/core";
import type { DemoSport } from "@edgeline/testkit";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { z } from "zod";
import { type StartWorkerOptions, startWorker, type WorkerHandle } from "../src/worker/index.ts";

const TEAMS = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"] as const;

/** The test league's games of one day: three pairings rotating by day; Final before `resultsUntil`. */
export function testGames(day: string, resultsUntil: string): GameRecord[] {
  const n = daysBetween("1970-01-01", day);
  const games: GameRecord[] = [];
  for (let i = 0; i < 3; i++) {
    const home = TEAMS[(n + i) % 6]!;
    const away = TEAMS[(n + i + 3) % 6]!;
    const final = day < resultsUntil;
    games.push({
      gameId: `TST_${day.replaceAll("-", "")}_${away}_${home}`,
      sport: "TST",
      gameDate: day,
      season: 2023,
      status: final ? "Final" : "Scheduled",
      homeTeamId: home,
      homeTeamName: `Team ${home}`,
      awayTeamId: away,
      awayTeamName: `Team ${away}`,
      homeScore: final ? 2 + ((n + i) % 3) : null,
      awayScore: final ? 1 + ((n * 7 + i) % 4) : null,
      commenceTime: new Date(`${day}T23:00:00Z`),
      venue: `Arena ${home}`,
    });
  }
  return games;
}

/** Knobs a test turns: where results stop, and faults to throw from the next calls. */
export interface TestWorld {
  resultsUntil: string;
  oddsFaults: number;
  oddsFaultMessage: string;
  oddsCalls: number;
}

export function testWorld(resultsUntil: string): TestWorld {
  return { resultsUntil, oddsFaults: 0, oddsFaultMessage: "upstream 500", oddsCalls: 0 };
}

/** The test league and its odds source (which covers it without the league naming it). */
export function testRegistry(world: TestWorld): PluginRegistry {
  const plugin = defineSport({
    code: "TST",
    name: "Test League",
    coreVersion: "^0.2.0",
    model: { elo: "fivethirtyeight-nhl" },
    timeZone: "UTC",
    markets: [{ type: "moneyline", ways: 2 }],
    entityKind: "team",
    entities: [],
    async fetchGames(range) {
      const out: GameRecord[] = [];
      for (let d = range.from; d <= range.to; d = addDays(d, 1))
        out.push(...testGames(d, world.resultsUntil));
      return out;
    },
    // The test book prices every home side at 2.50: edges near 45% by design, so the maximum edge
    // (a suspect-quote guard, default 25%) is raised for this league.
    recommendation: { minEdge: 0.02, maxEdge: 0.6, minOdds: 1.2, maxOdds: 6, maxPerDay: 5 },
  });
  return createPluginRegistry([
    { plugin, module: "pipeline-helpers" },
    { plugin: testOddsSource(world), module: "pipeline-helpers" },
  ]);
}

/** Moneyline prices for every known game; throws while `world.oddsFaults` > 0. */
export function testOddsSource(world: TestWorld): OddsSourcePlugin {
  return defineOddsSource({
    name: "test-odds",
    displayName: "Test odds",
    coreVersion: "^0.2.0",
    sportOptions: z.object({}),
    sports: { TST: {} },
    async fetch({ games }) {
      world.oddsCalls++;
      if (world.oddsFaults > 0) {
        world.oddsFaults--;
        throw new Error(world.oddsFaultMessage);
      }
      const records: OddsRecord[] = games.flatMap((g) =>
        (["home_team_win", "away_team_win"] as const).map((outcome) => ({
          oddsId: oddsId({
            bookmakerKey: "testbook",
            gameId: g.gameId,
            marketName: "moneyline",
            outcomeName: outcome,
          }),
          gameId: g.gameId,
          bookmaker: "TestBook",
          marketName: "moneyline" as const,
          outcomeName: outcome,
          price: new Decimal(outcome === "home_team_win" ? "2.5000" : "1.6000"),
          line: null,
          lastUpdate: new Date("2024-01-01T12:00:00Z"),
          isPregame: true,
          externalId: `${g.gameId}-${outcome}`,
        })),
      );
      return { records, unmatched: [] };
    },
  });
}

export const PIPELINE_TABLES = [
  "unified_games",
  "game_odds",
  "odds_quotes",
  "elo_ratings",
  "bet_recommendations",
  "placed_bets",
  "portfolio_snapshots",
] as const;

/** Every row of every pipeline table, all columns, in primary-key order. */
export async function dumpTables(pool: pg.Pool): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of PIPELINE_TABLES) {
    const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY 1`);
    out[table] = rows;
  }
  return out;
}

/** A pool for a test database: production's (DATE columns as strings, error listeners on every connection). */
export function testPool(url: string): pg.Pool {
  return createPgPool({
    connectionString: url,
    applicationName: "edgeline-test",
    logger: { warn: () => {} },
  });
}

/** A worker's pipeline deps for a paper-mode test: the notional 1000 bankroll, default limits, a clock. */
export function paperDeps(now: () => Date) {
  return { bankroll: new Decimal(1000), stakingLimits: DEFAULT_STAKING_LIMITS, now };
}

/** A worker for a test: no schedule, two jobs at once, a short poll; `opts` add or override. */
export function startTestWorker(
  connectionString: string,
  plugins: PluginRegistry,
  opts: Partial<StartWorkerOptions> = {},
): Promise<WorkerHandle> {
  return startWorker({
    connectionString,
    plugins,
    schedule: false,
    concurrency: 2,
    pollIntervalMs: 100,
    ...opts,
  });
}

/** Every sport of a registry with the odds sources covering it, as the demo generator takes them. */
export function demoSports(plugins: PluginRegistry): DemoSport[] {
  return plugins.list().map((sport) => ({
    sport,
    sources: plugins
      .sourcesFor(sport.code)
      .map(({ source, options }) => ({ source: source.plugin, options })),
  }));
}
