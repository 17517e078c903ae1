// The context a strategy decides in, built the same way by the backtest engine, the screener and
// the pipelines: for each game, only the quotes of its price history known at its decision (a
// quote stamped later is not in it, whatever the caller passes), the latest one per book and
// outcome that is not older than the maximum quote age, and, where the sport's model runs, the
// live rule's pricing of them (the blend).
import type {
  MarketName,
  RecommendationThresholds,
  StrategyContext,
  StrategyGame,
  StrategyQuote,
  VenueRules,
} from "@edgeline/sdk";
import type { GameForecast } from "../forecast/game-forecast.ts";
import { devig } from "../odds/devig.ts";
import { gameCandidates } from "../recommendation/candidates.ts";
import { knownQuotes, marketConsensus, marketOf, type OddsQuote } from "../recommendation/quotes.ts";

export interface HostGame {
  gameId: string;
  commenceTime: Date;
  home: string;
  away: string;
  decidedAt: Date;
  /** The game's price history (anything after `decidedAt` is left out here). */
  odds: readonly OddsQuote[];
  /** The betting model's forecast; without it the game has no model view. */
  forecast?: GameForecast;
}

export interface HostOptions {
  sport: string;
  ways: 2 | 3;
  markets: readonly MarketName[];
  bettable: (bookmaker: string) => boolean;
  venueRules: (bookmaker: string) => VenueRules;
  /** Quotes older than this at the decision are never used. @defaultValue no limit */
  maxQuoteAgeMinutes?: number;
  /** The live rule's settings, for the model view. */
  model?: { thresholds: RecommendationThresholds; weights: Partial<Record<MarketName, number>> };
}

export interface HostContext {
  context: StrategyContext;
  /** The history quote each strategy quote stands for (quote ids, market ids). */
  origin: Map<StrategyQuote, OddsQuote>;
}

export function toStrategyQuote(q: OddsQuote): StrategyQuote {
  return {
    bookmaker: q.bookmaker,
    market: marketOf(q),
    selection: q.outcome,
    line: q.line ?? null,
    price: q.price,
    quotedAt: q.lastUpdate,
  };
}

/** One book's complete market de-vigged by a method; undefined when under-round or malformed. */
function devigOrNone(odds: readonly number[], method?: string): number[] | undefined {
  try {
    return devig(odds, (method ?? "multiplicative") as Parameters<typeof devig>[1]).probabilities;
  } catch {
    return undefined;
  }
}

export function strategyContext(games: readonly HostGame[], o: HostOptions): HostContext {
  const origin = new Map<StrategyQuote, OddsQuote>();
  const view = (q: OddsQuote) => {
    const s = toStrategyQuote(q);
    origin.set(s, q);
    return s;
  };
  const built: StrategyGame[] = games.map((g) => {
    const known = (q: OddsQuote) =>
      q.lastUpdate <= g.decidedAt && q.lastUpdate < g.commenceTime && o.markets.includes(marketOf(q));
    const history = g.odds.filter(known).sort((a, b) => a.lastUpdate.getTime() - b.lastUpdate.getTime());
    const oldest =
      o.maxQuoteAgeMinutes === undefined ? -Infinity : g.decidedAt.getTime() - o.maxQuoteAgeMinutes * 60_000;
    const latest = knownQuotes(g.gameId, history, g.decidedAt, g.commenceTime, o.markets).filter(
      (q) => q.lastUpdate.getTime() >= oldest,
    );
    const quotes = latest.map(view);
    const byOrigin = new Map(quotes.map((s) => [origin.get(s)!, s]));
    const game: StrategyGame = {
      gameId: g.gameId,
      commenceTime: g.commenceTime,
      home: g.home,
      away: g.away,
      decidedAt: g.decidedAt,
      history: history.map(toStrategyQuote),
      quotes,
    };
    const model = o.model;
    const forecast = g.forecast;
    if (model && forecast) {
      game.model = {
        candidates: () =>
          gameCandidates(g, forecast, latest, marketConsensus(latest, o.ways), o.ways, {
            thresholds: model.thresholds,
            venueRules: o.venueRules,
            weights: model.weights,
            bettable: o.bettable,
          }).map((c) => ({
            quote: byOrigin.get(c.quote)!,
            price: {
              probability: c.probability,
              modelProbability: c.modelProbability,
              ...(c.marketProbability === undefined ? {} : { marketProbability: c.marketProbability }),
              weight: c.weight,
              edge: c.edge,
              ...(c.lineOutcome ? { lines: c.lineOutcome } : {}),
              ...(c.suspect ? { suspect: c.suspect } : {}),
            },
          })),
      };
    }
    return game;
  });
  return {
    origin,
    context: {
      sport: o.sport,
      ways: o.ways,
      games: built,
      bettable: o.bettable,
      rules: o.venueRules,
      devig: devigOrNone,
    },
  };
}
