// Writes what an importer parsed (@edgeline/importers: games and quotes with their quote times)
// through core's write paths, as a backtest test or bench sets up its history: upsertGames for the
// games, recordPrices (game_odds + odds_quotes) for the prices, each book's quotes under its
// source key as bookmaker. Neutral and playoff flags are kept where the table has the columns.
import { type Queryable, recordPrices, upsertGames } from "@edgeline/core";
import type { ImportResult } from "@edgeline/importers";
import { oddsId } from "@edgeline/sdk";
import type pg from "pg";

export async function writeImported(
  pool: pg.Pool,
  result: ImportResult,
  fetchedAt = new Date(),
): Promise<void> {
  const games = result.games.map((g) => g.game);
  for (let i = 0; i < games.length; i += 2000) await upsertGames(pool, games.slice(i, i + 2000));
  await writeFlags(pool, result);
  const quotes = result.quotes.map((q) => ({
    source: `import-${result.format}`,
    record: {
      oddsId: oddsId({
        bookmakerKey: q.source,
        gameId: q.gameId,
        marketName: q.market,
        outcomeName: q.outcome,
      }),
      gameId: q.gameId,
      bookmaker: q.source,
      marketName: q.market,
      outcomeName: q.outcome,
      price: q.price,
      line: q.line,
      lastUpdate: q.quotedAt,
      isPregame: true,
      externalId: null,
    },
  }));
  for (let i = 0; i < quotes.length; i += 20_000)
    await recordPrices(pool, quotes.slice(i, i + 20_000), fetchedAt);
}

/** Neutral-site and playoff flags, into the columns of that name when unified_games has them. */
async function writeFlags(db: Queryable, result: ImportResult): Promise<void> {
  const { rows } = await db.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_name = 'unified_games' AND column_name IN ('neutral', 'playoff')`,
  );
  if (rows.length < 2) return;
  const flagged = result.games.filter((g) => g.neutral || g.playoff);
  if (flagged.length === 0) return;
  await db.query(
    `UPDATE unified_games g SET neutral = t.neutral, playoff = t.playoff
       FROM unnest($1::varchar[], $2::boolean[], $3::boolean[]) AS t(game_id, neutral, playoff)
      WHERE g.game_id = t.game_id`,
    [
      flagged.map((g) => g.game.gameId),
      flagged.map((g) => g.neutral === true),
      flagged.map((g) => g.playoff === true),
    ],
  );
}
