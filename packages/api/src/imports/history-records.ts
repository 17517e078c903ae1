// A parsed history file as core's write path takes it: games with what the file does not say
// left open, every quote as a price-history row of its book (odds id, bookmaker, quote time), and
// 538's forecasts for external_forecasts.
import type { HistoryBatch, QuoteInput } from "@edgeline/core";
import type { ImportResult, Quote } from "@edgeline/importers";
import { oddsId } from "@edgeline/sdk";

/** Display names of the books the importers know by key; any other key is title-cased. */
const BOOKMAKER_NAMES: Readonly<Record<string, string>> = {
  pinnacle: "Pinnacle",
  bet365: "Bet365",
  bwin: "Bwin",
  interwetten: "Interwetten",
  "william-hill": "William Hill",
  "vc-bet": "VC Bet",
  betvictor: "BetVictor",
  betfair: "Betfair",
  "betfair-exchange": "Betfair Exchange",
  betfred: "Betfred",
  betmgm: "BetMGM",
  "1xbet": "1xBet",
  "market-max": "Market maximum",
  "market-avg": "Market average",
  sbr: "SBR",
};

export function bookmakerName(key: string): string {
  return (
    BOOKMAKER_NAMES[key] ??
    key
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(" ")
  );
}

/** One quote as a price-history row; the book's key makes the odds id, the import kind is the source. */
export function quoteInput(q: Quote, source: string, start: Date): QuoteInput {
  return {
    record: {
      oddsId: oddsId({
        bookmakerKey: q.source,
        gameId: q.gameId,
        marketName: q.market,
        outcomeName: q.outcome,
      }),
      gameId: q.gameId,
      bookmaker: bookmakerName(q.source),
      marketName: q.market,
      outcomeName: q.outcome,
      price: q.price,
      line: q.line,
      lastUpdate: q.quotedAt,
      isPregame: q.quotedAt <= start,
      externalId: null,
    },
    source,
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The batch of one parsed file; a game's regulation score is the sum of its periods. */
export function historyBatch(sport: string, kind: string, result: ImportResult): HistoryBatch {
  const starts = new Map(result.games.map((g) => [g.game.gameId, g.game.commenceTime]));
  return {
    sport,
    games: result.games.map((g) => ({
      record: {
        ...g.game,
        ...(g.neutral === null ? {} : { neutralSite: g.neutral }),
        ...(g.playoff === null ? {} : { playoff: g.playoff }),
        ...(g.periods ? { regulationScore: { home: sum(g.periods.home), away: sum(g.periods.away) } } : {}),
      },
      nominalStart: g.startTime === "nominal",
    })),
    quotes: result.quotes.map((q) => quoteInput(q, kind, starts.get(q.gameId)!)),
    forecasts: result.forecasts.map((f) => ({ ...f })),
  };
}
