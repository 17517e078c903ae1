// Closing-line value at the game's start: each committed bet whose game has started keeps the
// closing price of its own market at its own book and the de-vigged closing consensus (from the
// price history's closing quotes), and its CLV both ways (clv/closing-line.ts). Recorded once.

import { groupBy, type MarketName } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { betClosingLine } from "../clv/closing-line.ts";
import { betsAwaitingClose, type ClosingLineRow } from "../repositories/placed-bets.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { closingQuotes } from "../repositories/quotes.ts";
import type { PipelineDeps } from "./deps.ts";
import { moneylineWays, quoteOf, SIDE_OF_OUTCOME } from "./identify-bets.ts";

const dec = (x: number | null) => (x === null ? null : new Decimal(x));

/** The closing lines due at `now`. */
export async function closingLinesDue(
  db: Queryable,
  deps: Pick<PipelineDeps, "plugins">,
  now: Date,
): Promise<ClosingLineRow[]> {
  const bets = await betsAwaitingClose(db, now);
  const quotes = await closingQuotes(db, [...new Set(bets.map((b) => b.gameId!))]);
  const byGame = new Map(
    [...groupBy(quotes, (q) => q.gameId)].map(([gameId, qs]) => [gameId, qs.map(quoteOf)]),
  );
  return bets.flatMap((bet) => {
    const market = (bet.marketName ?? "moneyline") as MarketName;
    const selection = SIDE_OF_OUTCOME[market]?.[bet.outcome];
    if (!selection) return [];
    const sport = deps.plugins.get(bet.sport);
    const line = betClosingLine(
      {
        bookmaker: bet.bookmaker,
        market,
        selection,
        line: bet.line?.toNumber() ?? null,
        price: bet.odds.toNumber(),
      },
      (byGame.get(bet.gameId!) ?? []).flatMap((q) => (q ? [q] : [])),
      sport ? moneylineWays(sport) : 2,
    );
    return [
      {
        betId: bet.betId,
        closingOdds: dec(line.closingOdds),
        closingProbability: dec(line.closingProbability),
        clv: dec(line.clv),
        clvConsensus: dec(line.clvConsensus),
        closedAt: now,
      },
    ];
  });
}
