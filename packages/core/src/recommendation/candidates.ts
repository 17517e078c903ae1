// One game's candidate bets: for every market the sport bets and every outcome, the best quote
// known at the decision, priced by the model's forecast blended with the market's de-vigged
// consensus (the betting probability), its edge net of the venue's fees, and whether the
// thresholds let it through, flag it as suspect (edge above the maximum) or drop it.
import {
  DEFAULT_MAX_EDGE,
  type MarketName,
  type RecommendationThresholds,
  type VenueRules,
} from "@edgeline/sdk";
import { blendProbabilities } from "../blend/blend.ts";
import { blendLineOutcome } from "../blend/line-blend.ts";
import type { GameForecast } from "../forecast/game-forecast.ts";
import { effectiveProbability, type LineOutcomeProbabilities } from "../margins/line-probabilities.ts";
import { stakingOdds } from "../staking/kelly-stake.ts";
import { edge as expectedReturnEdge, lineEdge } from "../staking/value.ts";
import {
  type BetSelection,
  consensusWinProbability,
  type LineSelection,
  type MarketConsensus,
  type MoneylineOutcome,
  marketOf,
  type OddsQuote,
} from "./quotes.ts";

export interface Candidate {
  gameId: string;
  commenceTime: Date;
  market: MarketName;
  selection: BetSelection;
  quote: OddsQuote;
  venue: VenueRules;
  /** Odds net of the venue's fees: what the edge and the stake are computed at. */
  odds: number;
  /** The betting probability (the blend); for a line bet, the share of the stake at risk won. */
  probability: number;
  modelProbability: number;
  /** The de-vigged consensus of the same outcome (and line), when the books quote it in full. */
  marketProbability: number | undefined;
  /** The model's weight in the blend. */
  weight: number;
  /** A line bet's grade probabilities after the blend (pushes, half grades); absent for moneylines. */
  lineOutcome?: LineOutcomeProbabilities;
  edge: number;
  /** Set when the edge is above the maximum: recorded, never bet. */
  suspect?: string;
}

export interface CandidateRules {
  thresholds: RecommendationThresholds;
  venueRules: (bookmaker: string) => VenueRules;
  /** The model's weight in the blend, per market; 1 (the raw model) when not given. */
  weights: Partial<Record<MarketName, number>>;
  /** Which books' prices may be bet; every book's prices feed the consensus. */
  bettable: (bookmaker: string) => boolean;
}

const MONEYLINE_ORDER: Record<2 | 3, MoneylineOutcome[]> = {
  2: ["home", "away"],
  3: ["home", "draw", "away"],
};

/** The moneyline betting probabilities: the forecast blended with the consensus (undefined: nothing to bet on). */
function moneylineProbabilities(
  forecast: GameForecast,
  consensus: MarketConsensus,
  weight: number,
): number[] | undefined {
  if (weight === 1) return [...forecast.moneyline];
  if (!consensus.moneyline) return undefined; // the weight was fitted against a consensus there is none of
  return blendProbabilities(forecast.moneyline, consensus.moneyline, weight);
}

/** The priced line bet of a quote, or undefined when the model or the market cannot price it. */
function priceLine(
  forecast: GameForecast,
  consensus: MarketConsensus,
  quote: OddsQuote,
  weight: number,
): Pick<Candidate, "probability" | "modelProbability" | "marketProbability" | "lineOutcome"> | undefined {
  const market = marketOf(quote) as "spread" | "total";
  const selection = quote.outcome as LineSelection;
  const line = quote.line!;
  const model =
    market === "spread"
      ? selection === "home" || selection === "away"
        ? forecast.spread?.(selection, line)
        : undefined
      : selection === "over" || selection === "under"
        ? forecast.total?.(selection, line, consensus.marketTotal)
        : undefined;
  if (!model) return undefined;
  const marketProbability = consensusWinProbability(consensus, market, selection, line);
  const won = model.win + model.halfWin / 2;
  const lost = model.loss + model.halfLoss / 2;
  if (won <= 0 || lost <= 0) return undefined; // the model is certain: nothing a price can say
  const modelProbability = effectiveProbability(model);
  if (weight === 1)
    return { probability: modelProbability, modelProbability, marketProbability, lineOutcome: model };
  if (marketProbability === undefined || !(marketProbability > 0 && marketProbability < 1)) return undefined;
  const b = blendLineOutcome(model, marketProbability, weight);
  return { probability: b.blendShare, modelProbability, marketProbability, lineOutcome: b.outcome };
}

const better = (a: Candidate, b: Candidate) =>
  a.edge > b.edge ||
  (a.edge === b.edge && (a.odds > b.odds || (a.odds === b.odds && a.quote.bookmaker < b.quote.bookmaker)));

/**
 * The game's candidates, one per (market, outcome): the bettable quote with the best edge (for a
 * moneyline, the best net odds), kept when its odds are in range and its edge at least the minimum;
 * an edge above the maximum makes it suspect.
 */
export function gameCandidates(
  game: { gameId: string; commenceTime: Date },
  forecast: GameForecast,
  quotes: readonly OddsQuote[],
  consensus: MarketConsensus,
  ways: 2 | 3,
  rules: CandidateRules,
): Candidate[] {
  const best = new Map<string, Candidate>();
  const weightOf = (m: MarketName) => rules.weights[m] ?? 1;
  const moneyline = moneylineProbabilities(forecast, consensus, weightOf("moneyline"));
  for (const quote of quotes) {
    if (!rules.bettable(quote.bookmaker)) continue;
    const market = marketOf(quote);
    const venue = rules.venueRules(quote.bookmaker);
    const odds = stakingOdds(venue, quote.price);
    if (!(odds > 1)) continue; // the venue's fees leave nothing to win at this price
    const weight = weightOf(market);
    let priced: Pick<Candidate, "probability" | "modelProbability" | "marketProbability" | "lineOutcome">;
    let edge: number;
    if (market === "moneyline") {
      const k = MONEYLINE_ORDER[ways].indexOf(quote.outcome as MoneylineOutcome);
      if (k < 0 || !moneyline) continue;
      priced = {
        probability: moneyline[k]!,
        modelProbability: forecast.moneyline[k]!,
        marketProbability: consensus.moneyline?.[k],
      };
      edge = expectedReturnEdge(priced.probability, odds);
    } else {
      const line = priceLine(forecast, consensus, quote, weight);
      if (!line) continue;
      priced = line;
      edge = lineEdge(line.lineOutcome!, odds);
    }
    const c: Candidate = {
      gameId: game.gameId,
      commenceTime: game.commenceTime,
      market,
      selection: quote.outcome,
      quote,
      venue,
      odds,
      weight,
      edge,
      ...priced,
    };
    const key = `${market}\u0000${quote.outcome}`;
    const seen = best.get(key);
    if (!seen || better(c, seen)) best.set(key, c);
  }
  const t = rules.thresholds;
  const maxEdge = t.maxEdge ?? DEFAULT_MAX_EDGE;
  const out: Candidate[] = [];
  for (const c of best.values()) {
    if (c.odds < t.minOdds || c.odds > t.maxOdds || c.edge < t.minEdge) continue;
    if (c.edge > maxEdge) {
      c.suspect = `edge ${c.edge.toFixed(4)} above the maximum ${maxEdge}: a stale quote, a wrong line or a model error, not bet`;
    }
    out.push(c);
  }
  return out;
}
