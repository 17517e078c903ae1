// Write-path speed of the pipeline, on a scratch database:
//  1. fetch_markets' upsert (repositories/odds.ts: COPY into a temporary table, then one
//     INSERT ... SELECT ... ON CONFLICT DO UPDATE of the rows that differ) of N new game_odds rows,
//     and of the same N rows again (a rerun: nothing changes), next to a raw COPY of the same rows
//     into an unindexed scratch table, as rows per second and as a ratio (goal: the upsert at
//     least half as fast as COPY). Also against COPY into a scratch table with game_odds' indexes
//     and FK, which shows how much of the gap is the table's own index and key maintenance;
//  2. a full Elo rebuild of FiveThirtyEight's 16,810 NFL games (update_elo's write: replay plus
//     elo_ratings written), in rows per second.
// Run alone with `pnpm exec tsx bench/ingest.ts` (ODDS_ROWS=… to change N).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createPgPool } from "../packages/core/src/db/clients.ts";
import { eloPreset, replayElo } from "../packages/core/src/elo/index.ts";
import { entityNames, toEloGame } from "../packages/core/src/pipeline/update-elo.ts";
import {
  finalGamesBefore,
  oddsCopyEncoder,
  recordPrices,
  syncEloHistory,
  upsertGames,
  upsertOdds,
  withTransaction,
} from "../packages/core/src/repositories/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import { type GameRecord, type OddsRecord, oddsId } from "../packages/sdk/src/index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nflGamesFile = path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game/nfl_games.csv");

const OUTCOMES = ["home_team_win", "away_team_win"] as const;
const BOOKS = ["kalshi", "draftkings", "fanduel", "betmgm", "caesars"] as const;

function syntheticGames(count: number): GameRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 16) * 86_400_000).toISOString().slice(0, 10);
    const home = `H${i % 997}`;
    const away = `A${i % 991}`;
    return {
      gameId: `BEN_${day.replaceAll("-", "")}_${away}_${home}_${i}`,
      sport: "BEN",
      gameDate: day,
      season: 2020,
      status: "Scheduled" as const,
      homeTeamId: home,
      homeTeamName: home,
      awayTeamId: away,
      awayTeamName: away,
      homeScore: null,
      awayScore: null,
      commenceTime: new Date(`${day}T23:00:00Z`),
      venue: null,
    };
  });
}

function syntheticOdds(games: readonly GameRecord[], rows: number): OddsRecord[] {
  const out: OddsRecord[] = [];
  for (let i = 0; out.length < rows; i++) {
    const game = games[i % games.length]!;
    const book = BOOKS[Math.floor(i / games.length) % BOOKS.length]!;
    for (const outcome of OUTCOMES) {
      out.push({
        oddsId: oddsId({
          bookmakerKey: `${book}${Math.floor(i / (games.length * BOOKS.length))}`,
          gameId: game.gameId,
          marketName: "moneyline",
          outcomeName: outcome,
        }),
        gameId: game.gameId,
        bookmaker: book,
        marketName: "moneyline",
        outcomeName: outcome,
        price: new Decimal(1.5 + ((i * 7919) % 1000) / 1000).toDecimalPlaces(4),
        line: null,
        lastUpdate: new Date("2026-01-15T12:00:00Z"),
        isPregame: true,
        externalId: `${book}-${game.gameId}-${outcome}`,
      });
    }
  }
  return out.slice(0, rows);
}

async function copyRows(client: pg.PoolClient, table: string, odds: readonly OddsRecord[]): Promise<void> {
  const stream = client.query(
    copyFrom(
      `COPY ${table} (odds_id, game_id, bookmaker, market_name, outcome_name, price, line, last_update, is_pregame, external_id) FROM STDIN`,
    ),
  );
  const line = oddsCopyEncoder(); // the production encoding (escaped, binary-safe)
  const chunks = function* () {
    for (let i = 0; i < odds.length; i += 5000)
      yield odds
        .slice(i, i + 5000)
        .map(line)
        .join("");
  };
  await pipeline(chunks, stream);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

export interface IngestBenchResult {
  oddsRows: number;
  upsertRowsPerSecond: number;
  /** The same rows upserted again: every row compared, none written. */
  upsertRerunRowsPerSecond: number;
  copyRowsPerSecond: number;
  ratio: number;
  copyIndexedRowsPerSecond: number;
  ratioIndexed: number;
  eloGames: number | null;
  eloRowsWritten: number | null;
  eloRowsPerSecond: number | null;
}

async function oddsBench(pool: pg.Pool, rows: number) {
  const games = syntheticGames(Math.ceil(rows / 10));
  await upsertGames(pool, games);
  const odds = syntheticOdds(games, rows);
  // Warm up both paths on a small slice (plans, JIT), then clear.
  await withTransaction(pool, (c) => upsertOdds(c, odds.slice(0, 1000)));
  await pool.query("TRUNCATE game_odds");
  // Two scratch tables: a bare one (COPY at its fastest), and one with game_odds' primary key,
  // indexes and foreign key, so the ratio against it measures the write path itself, not the
  // cost of maintaining the table's indexes (which any write into game_odds pays).
  await pool.query("CREATE TABLE scratch_odds (LIKE game_odds INCLUDING DEFAULTS)");
  await pool.query(
    "CREATE TABLE scratch_odds_indexed (LIKE game_odds INCLUDING ALL, FOREIGN KEY (game_id) REFERENCES unified_games (game_id))",
  );
  // Several runs, best of each: the machine is shared and a single figure is noisy.
  const upsertTimes: number[] = [];
  const rerunTimes: number[] = [];
  const copyTimes: number[] = [];
  const copyIndexedTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    await pool.query("TRUNCATE game_odds, scratch_odds, scratch_odds_indexed");
    await pool.query("CHECKPOINT");
    // The step writes all of a day's rows in one statement inside its transaction.
    upsertTimes.push((await timed(() => withTransaction(pool, (c) => upsertOdds(c, odds)))).ms);
    const rerun = await timed(() => withTransaction(pool, (c) => upsertOdds(c, odds)));
    if (rerun.value !== 0) throw new Error(`a rerun of the upsert wrote ${rerun.value} rows; expected none`);
    rerunTimes.push(rerun.ms);
    copyTimes.push((await timed(() => withTransaction(pool, (c) => copyRows(c, "scratch_odds", odds)))).ms);
    copyIndexedTimes.push(
      (await timed(() => withTransaction(pool, (c) => copyRows(c, "scratch_odds_indexed", odds)))).ms,
    );
  }
  // The whole fetch_markets write path: game_odds plus the price history (odds_quotes).
  const pricesTimes: number[] = [];
  const pricesRerunTimes: number[] = [];
  const quotes = odds.map((record) => ({ record, source: "bench" }));
  const fetchedAt = new Date("2024-01-01T12:00:00Z");
  for (let run = 0; run < 3; run++) {
    await pool.query("TRUNCATE game_odds, odds_quotes");
    await pool.query("CHECKPOINT");
    pricesTimes.push((await timed(() => recordPrices(pool, quotes, fetchedAt))).ms);
    const rerun = await timed(() => recordPrices(pool, quotes, new Date(fetchedAt.getTime() + 3_600_000)));
    if (rerun.value !== 0) throw new Error(`an unchanged re-fetch wrote ${rerun.value} rows; expected none`);
    pricesRerunTimes.push(rerun.ms);
  }
  const upsertMs = Math.min(...upsertTimes);
  const copyMs = Math.min(...copyTimes);
  const copyIndexedMs = Math.min(...copyIndexedTimes);
  return {
    upsert: perSecond(rows, upsertMs),
    rerun: perSecond(rows, Math.min(...rerunTimes)),
    copy: perSecond(rows, copyMs),
    copyIndexed: perSecond(rows, copyIndexedMs),
    ratio: copyMs / upsertMs,
    ratioIndexed: copyIndexedMs / upsertMs,
    prices: perSecond(rows, Math.min(...pricesTimes)),
    pricesRerun: perSecond(rows, Math.min(...pricesRerunTimes)),
  };
}

async function eloBench(pool: pg.Pool) {
  if (!existsSync(nflGamesFile)) {
    console.log(`elo rebuild skipped: ${nflGamesFile} not found`);
    return null;
  }
  const [header, ...lines] = readFileSync(nflGamesFile, "utf8").trim().split(/\r?\n/);
  const cols = header!.split(",");
  const seen = new Map<string, number>();
  const games: GameRecord[] = lines.map((line) => {
    const r = Object.fromEntries(line.split(",").map((v, i) => [cols[i]!, v]));
    const base = `NFL_${r.date!.replaceAll("-", "")}_${r.team2}_${r.team1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      gameId: n === 1 ? base : `${base}_${n}`,
      sport: "NFL",
      gameDate: r.date!,
      season: Number(r.season),
      status: "Final" as const,
      homeTeamId: r.team1!,
      homeTeamName: r.team1!,
      awayTeamId: r.team2!,
      awayTeamName: r.team2!,
      homeScore: Number(r.score1),
      awayScore: Number(r.score2),
      commenceTime: new Date(`${r.date}T18:00:00Z`),
      venue: null,
    };
  });
  for (let i = 0; i < games.length; i += 5000) await upsertGames(pool, games.slice(i, i + 5000));
  const config = eloPreset("fivethirtyeight-nfl");
  const rebuild = () =>
    withTransaction(pool, async (client) => {
      const played = await finalGamesBefore(client, "NFL", "2100-01-01");
      const { history } = replayElo(config, played.map(toEloGame));
      return syncEloHistory(client, "NFL", history, entityNames(played));
    });
  const times: number[] = [];
  let written = 0;
  for (let run = 0; run < 3; run++) {
    await pool.query("TRUNCATE elo_ratings");
    const r = await timed(rebuild);
    times.push(r.ms);
    written = r.value;
  }
  const again = await rebuild();
  if (again !== 0) throw new Error(`a second rebuild wrote ${again} rows; expected none`);
  return { games: games.length, written, rowsPerSecond: perSecond(written, Math.min(...times)) };
}

export async function main(): Promise<IngestBenchResult> {
  const rows = Number(process.env.ODDS_ROWS ?? 100_000);
  const db = await createTestDatabase();
  const pool = createPgPool({ connectionString: db.url, poolSize: 2, statementTimeoutMs: 600_000 });
  try {
    const odds = await oddsBench(pool, rows);
    const goal = (r: number) => (r >= 0.5 ? "met" : "not met");
    console.log(
      `fetch_markets upsert: ${rows} new game_odds rows, ${odds.upsert.toLocaleString("en")} rows/s (COPY to a temp table, one INSERT ... ON CONFLICT)`,
    );
    console.log(
      `  rerun, same rows:   ${odds.rerun.toLocaleString("en")} rows/s (every row compared, none written)`,
    );
    console.log(
      `raw COPY, bare table: ${odds.copy.toLocaleString("en")} rows/s (no index, no key): upsert / COPY ${odds.ratio.toFixed(2)} (goal ≥ 0.50: ${goal(odds.ratio)})`,
    );
    console.log(
      `raw COPY, same shape: ${odds.copyIndexed.toLocaleString("en")} rows/s (scratch table with game_odds' indexes and FK): upsert / COPY ${odds.ratioIndexed.toFixed(2)}`,
    );
    console.log(
      `prices (game_odds + odds_quotes history): ${odds.prices.toLocaleString("en")} rows/s first fetch, ${odds.pricesRerun.toLocaleString("en")} rows/s unchanged re-fetch (no quote added)`,
    );
    const elo = await eloBench(pool);
    if (elo) {
      console.log(
        `elo rebuild:          ${elo.games} NFL games -> ${elo.written} elo_ratings rows, ${elo.rowsPerSecond.toLocaleString("en")} rows/s (replay + write; rerun writes 0)`,
      );
    }
    return {
      oddsRows: rows,
      upsertRowsPerSecond: odds.upsert,
      upsertRerunRowsPerSecond: odds.rerun,
      copyRowsPerSecond: odds.copy,
      ratio: odds.ratio,
      copyIndexedRowsPerSecond: odds.copyIndexed,
      ratioIndexed: odds.ratioIndexed,
      eloGames: elo?.games ?? null,
      eloRowsWritten: elo?.written ?? null,
      eloRowsPerSecond: elo?.rowsPerSecond ?? null,
    };
  } finally {
    await pool.end();
    await db.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
