// Writing the records of one history file (results, prices, other models' forecasts) through the
// pipelines' own write paths: games by `upsertGames` (each record with its regulation score where
// the file gives periods), prices by `recordImportedPrices` (game_odds and the price history), forecasts into
// external_forecasts. One call is one file, on one open transaction, under the sport's write lock,
// so a file is written whole or not at all. What the file does not say (a venue, a season, the
// start time of a file with days only, a neutral-site flag) never overwrites what a schedule
// already stored.
import type { GameRecord } from "@edgeline/sdk";
import type pg from "pg";
import { lockSport } from "../pipeline/step.ts";
import {
  type ExternalForecastInput,
  type ForecastCounts,
  upsertForecasts,
} from "../repositories/external-forecasts.ts";
import { type GameRow, gamesByIds, upsertGames } from "../repositories/games.ts";
import { type ImportedPriceCounts, recordImportedPrices } from "../repositories/prices.ts";
import type { QuoteInput } from "../repositories/quotes.ts";

/** A game as a history file gives it. */
export interface HistoryGame {
  /** `neutralSite` / `playoff` absent when the file does not say; `venue` null likewise. */
  record: GameRecord;
  /** The file gives only the day: `commenceTime` is a stand-in, and a start already stored wins. */
  nominalStart: boolean;
}

export interface HistoryBatch {
  sport: string;
  games: readonly HistoryGame[];
  /** Every quote with its quote time (`record.lastUpdate`), `source` the import kind. */
  quotes: readonly QuoteInput[];
  forecasts: readonly ExternalForecastInput[];
}

export interface HistoryWriteCounts {
  games: { inserted: number; updated: number; unchanged: number; cells: number };
  prices: ImportedPriceCounts;
  forecasts: ForecastCounts;
}

/** The columns a game row is compared on, to count the cells a revised file changed. */
const COLUMNS = [
  "season",
  "status",
  "homeTeamId",
  "homeTeamName",
  "awayTeamId",
  "awayTeamName",
  "homeScore",
  "awayScore",
  "commenceTime",
  "venue",
  "neutralSite",
  "playoff",
] as const;

type Comparable = string | number | boolean | Date | null | undefined;
const same = (a: Comparable, b: Comparable) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/** The record to store: the file's values, and the stored ones where the file is silent. */
function merged(game: HistoryGame, stored: GameRow | undefined): GameRecord {
  const r = game.record;
  if (!stored) return { ...r, neutralSite: r.neutralSite ?? false, playoff: r.playoff ?? false };
  return {
    ...r,
    commenceTime: game.nominalStart && stored.commenceTime ? stored.commenceTime : r.commenceTime,
    season: r.season ?? stored.season,
    venue: r.venue ?? stored.venue,
    neutralSite: r.neutralSite ?? stored.neutralSite,
    playoff: r.playoff ?? stored.playoff,
  };
}

function changedCells(record: GameRecord, stored: GameRow): number {
  let cells = stored.gameDate === record.gameDate ? 0 : 1;
  for (const c of COLUMNS) if (!same(record[c], stored[c])) cells++;
  // A file without periods leaves the stored regulation score as it is: no cell changes.
  const regulation = record.regulationScore;
  if (regulation) {
    if (regulation.home !== stored.homeRegulationScore) cells++;
    if (regulation.away !== stored.awayRegulationScore) cells++;
  }
  return cells;
}

/** Writes one file's records on `client` (an open transaction). A second write of the same batch writes nothing. */
export async function writeHistory(
  client: pg.PoolClient,
  batch: HistoryBatch,
  importedAt: Date,
): Promise<HistoryWriteCounts> {
  await lockSport(client, batch.sport);
  const stored = await gamesByIds(
    client,
    batch.games.map((g) => g.record.gameId),
  );
  const games: GameRecord[] = [];
  const counts = { inserted: 0, updated: 0, unchanged: 0, cells: 0 };
  // A closing quote is stamped with the file's stand-in start; it moves with the start kept.
  const restamp = new Map<string, { from: number; to: Date }>();
  for (const game of batch.games) {
    const old = stored.get(game.record.gameId);
    const record = merged(game, old);
    games.push(record);
    if (record.commenceTime !== game.record.commenceTime)
      restamp.set(record.gameId, { from: game.record.commenceTime.getTime(), to: record.commenceTime });
    if (!old) counts.inserted++;
    else {
      const cells = changedCells(record, old);
      counts.cells += cells;
      if (cells > 0) counts.updated++;
      else counts.unchanged++;
    }
  }
  await upsertGames(client, games);
  const quotes = batch.quotes.map((q) => {
    const move = restamp.get(q.record.gameId);
    return move && q.record.lastUpdate?.getTime() === move.from
      ? { ...q, record: { ...q.record, lastUpdate: move.to } }
      : q;
  });
  const prices = await recordImportedPrices(client, quotes, importedAt);
  const forecasts = await upsertForecasts(client, batch.forecasts);
  return { games: counts, prices, forecasts };
}
