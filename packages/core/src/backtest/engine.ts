// The walk-forward replay. Day by day, every game of the span is decided with only what was known
// at its decision (the model as of the start of the decision's day, the quotes the price timing
// takes and nothing quoted later, the blend's weight fitted on earlier games), by the strategy
// plugin through the same context and sizing the screener and pipelines use (model-edge is the
// live rule), its stakes sized on the bankroll of the day, and settled by the live settlement
// (settleBet) under the venue's rules. The bankroll moves as games end.
import {
  type MarketName,
  type ProposedBet,
  SPORTSBOOK_RULES,
  type StrategyPlugin,
  type StrategyQuote,
  type VenueRules,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type { GameForecast } from "../forecast/game-forecast.ts";
import { type ResolvedSportModel, SportForecaster } from "../forecast/sport-forecaster.ts";
import { blendSamples, blendWeightsByDay, type PlayedGame } from "../recommendation/blend-weights.ts";
import { type BetRecommendation, MAX_STORED_EDGE } from "../recommendation/recommend.ts";
import type { BetMarket } from "../settlement/settle.ts";
import { settleBet } from "../settlement/settle.ts";
import { type HostGame, strategyContext } from "../strategy-host/context.ts";
import { sizeProposals } from "../strategy-host/size.ts";
import type { BacktestQuote, PreparedHistory } from "./history.ts";
import { BUNDLED_CATALOG, bookFilter, type PriceTiming, type Strategy } from "./strategy.ts";

export interface BacktestOptions {
  from: string;
  to: string;
  model: ResolvedSportModel;
  strategy: Strategy;
  /** The sport's thresholds, for a strategy that names none. */
  thresholds: Strategy["thresholds"] & object;
  /** Markets the sport's model prices (a strategy's list is cut to these). */
  markets: readonly MarketName[];
  venueRules?: (bookmaker: string) => VenueRules;
  initialRatings?: Readonly<Record<string, number>>;
  /** A forecaster already built on this history with this model (a tuner reuses it). */
  forecaster?: SportForecaster;
  /** The strategy plugin the strategy names. @defaultValue the bundled one of that name */
  plugin?: StrategyPlugin;
  /**
   * The blend's samples before `from`, by game id: forecasts made before each game by models
   * tuned on earlier games only. A model tuned on the games before the span forecasts them
   * in-sample, looking better beside the market than it will on the span, and its fitted weight
   * would trust it too much. Given, the games before `from` not in it are no samples.
   * @defaultValue every earlier game, forecast by the model
   */
  priorForecasts?: ReadonlyMap<string, GameForecast>;
}

/** One bet as the replay made and settled it. */
export interface BacktestBet {
  gameId: string;
  gameDate: string;
  decisionDay: string;
  decidedAt: Date;
  market: MarketName;
  selection: BetRecommendation["side"];
  line: number | null;
  bookmaker: string;
  /** The quote's gross price, and the odds net of the venue's fees the edge was computed at. */
  price: Decimal;
  odds: number;
  quotedAt: Date;
  probability: number;
  modelProbability: number;
  marketProbability: number | null;
  weight: number;
  edge: number;
  stake: Decimal;
  result: Decimal;
  status: string;
  /** The strategy's reason. */
  reason: string;
  /** The arbitrage or middle set the bet is a leg of. */
  group?: string;
  /** Struck on a line the archive gave without a price, at the backtest's assumed price. */
  assumedPrice?: true;
}

/**
 * Whether a proposal's quote is one of the game's lines priced at the backtest's assumed price.
 * Strategies hand back quotes as values (the SDK's StrategyQuote has no id), so it is found by
 * book, market, selection, line, price and the instant it was quoted: a book quotes one price of a
 * line at one instant, so a real quote cannot be taken for an assumed one.
 */
function isAssumed(quotes: readonly BacktestQuote[], q: StrategyQuote): boolean {
  return quotes.some(
    (o) =>
      o.assumed === true &&
      o.bookmaker === q.bookmaker &&
      (o.market ?? "moneyline") === q.market &&
      o.outcome === q.selection &&
      (o.line ?? null) === q.line &&
      o.price === q.price &&
      o.lastUpdate.getTime() === q.quotedAt.getTime(),
  );
}

/** A game's decision, for audit and the leakage test: what the model and the rule saw and did. */
export interface BacktestDecision {
  gameId: string;
  day: string;
  decidedAt: Date;
  /** The Elo ratings of both sides known at the decision. */
  ratings: { home: number; away: number };
  moneyline: readonly number[] | null;
  weights: Partial<Record<MarketName, number>>;
  /** The bankroll the day's stakes were sized on. */
  bankroll: string;
}

export interface CurvePoint {
  day: string;
  /** Bankroll at the end of the day, after its games settled. */
  bankroll: Decimal;
  staked: Decimal;
  profit: Decimal;
  bets: number;
}

export interface BacktestRun {
  strategy: Strategy;
  startingBankroll: Decimal;
  bets: BacktestBet[];
  /** Proposals recorded and not bet (an edge above the maximum). */
  suspects: ProposedBet[];
  decisions: BacktestDecision[];
  curve: CurvePoint[];
  /** The blend's weights per decision day and market (fitted or default). */
  weights: Map<string, Partial<Record<MarketName, { weight: number; fitted: boolean }>>>;
  forecaster: SportForecaster;
  /** Blend samples' days and the consensus books used (for the forecast report). */
  consensusBooks: (bookmaker: string) => boolean;
}

/** The market a recommendation was struck in, as settlement grades it; a 2-way tie by the venue's rule. */
export function betMarket(
  rec: Pick<BetRecommendation, "recommendationType" | "side" | "line">,
  ways: 2 | 3,
  venue: VenueRules,
): BetMarket {
  if (rec.recommendationType === "spread")
    return { kind: "spread", selection: rec.side as "home" | "away", line: rec.line! };
  if (rec.recommendationType === "total")
    return { kind: "total", selection: rec.side as "over" | "under", line: rec.line! };
  if (ways === 3) return { kind: "moneyline", ways: 3, selection: rec.side as "home" | "draw" | "away" };
  return { kind: "moneyline", ways: 2, selection: rec.side as "home" | "away", onTie: venue.onTie };
}

/**
 * The walk-forward samples of the blend: every played game, forecast on its own day, with the
 * consensus at the strategy's price timing, the market the blend bets into (a weight fitted
 * against the close would trust the model as much beside the open as beside the close).
 */
export function blendSamplesOf(
  h: PreparedHistory,
  f: SportForecaster,
  books: (b: string) => boolean,
  span: { prices: PriceTiming; from: string; to: string; priorForecasts?: ReadonlyMap<string, GameForecast> },
): PlayedGame[] {
  const out: PlayedGame[] = [];
  const prior = span.priorForecasts;
  h.history.games.forEach((g, i) => {
    if (g.date > span.to || !h.isPlayed(i)) return;
    const forecast = prior && g.date < span.from ? prior.get(g.gameId) : f.forecast(i, g.date);
    if (!forecast) return;
    out.push({
      date: g.date,
      forecast,
      market: h.consensusAt(i, span.prices, books),
      homeScore: g.homeScore!,
      awayScore: g.awayScore!,
    });
  });
  return out;
}

/** The plugin a strategy names, from the bundled ones unless given. */
export function strategyPluginOf(s: Strategy, plugin?: StrategyPlugin): StrategyPlugin {
  const p = plugin ?? BUNDLED_CATALOG.get(s.strategy);
  if (!p || p.name !== s.strategy)
    throw new Error(`strategy "${s.name}": no strategy plugin "${s.strategy}"`);
  return p;
}

const dp4 = (x: number) => new Decimal(x).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();

export function runBacktest(h: PreparedHistory, o: BacktestOptions): BacktestRun {
  const { games, ways } = h.history;
  const indexOf = new Map(games.map((g, i) => [g.gameId, i]));
  const s = o.strategy;
  const plugin = strategyPluginOf(s, o.plugin);
  const venueRules = o.venueRules ?? (() => SPORTSBOOK_RULES);
  const forecaster =
    o.forecaster ??
    new SportForecaster(
      o.model,
      h.eloGames,
      ways,
      o.initialRatings ? { initialRatings: o.initialRatings } : {},
    );
  const consensusBooks = bookFilter(s.consensusBookmakers);
  const markets = (s.markets ?? o.markets).filter((m) => o.markets.includes(m));
  // Every game of the span is decided once, on its decision's day.
  const byDay = new Map<
    string,
    Array<{ i: number; decision: NonNullable<ReturnType<PreparedHistory["decision"]>> }>
  >();
  games.forEach((g, i) => {
    if (g.date < o.from || g.date > o.to) return;
    const decision = h.decision(i, s.prices);
    if (!decision) return;
    byDay.set(decision.day, [...(byDay.get(decision.day) ?? []), { i, decision }]);
  });
  const days = [...byDay.keys()].sort();
  const blend = s.blend;
  let weights: BacktestRun["weights"];
  if (blend.weight === "fitted") {
    const fitted = blendWeightsByDay(
      blendSamples(
        blendSamplesOf(h, forecaster, consensusBooks, {
          prices: s.prices,
          from: o.from,
          to: o.to,
          ...(o.priorForecasts ? { priorForecasts: o.priorForecasts } : {}),
        }),
        ways,
      ),
      days,
      {
        minGames: blend.minGames ?? o.model.blend.minGames,
        defaultWeight: blend.defaultWeight ?? o.model.blend.defaultWeight,
        shrinkage: blend.shrinkage ?? o.model.blend.shrinkage ?? 0,
      },
    );
    weights = new Map(
      [...fitted].map(([d, w]) => [
        d,
        Object.fromEntries(Object.entries(w).map(([m, x]) => [m, { weight: x!.weight, fitted: x!.fitted }])),
      ]),
    );
  } else {
    const fixed = { weight: blend.weight, fitted: false };
    weights = new Map(days.map((d) => [d, { moneyline: fixed, spread: fixed, total: fixed }]));
  }

  const startingBankroll = new Decimal(s.bankroll);
  let bankroll = startingBankroll;
  const pending = new Map<
    string,
    Array<{ bet: BacktestBet; market: BetMarket; venue: VenueRules; payout: Decimal }>
  >();
  const run: BacktestRun = {
    strategy: s,
    startingBankroll,
    bets: [],
    suspects: [],
    decisions: [],
    curve: [],
    weights,
    forecaster,
    consensusBooks,
  };
  const curve = new Map<string, CurvePoint>();
  const point = (day: string) => {
    let p = curve.get(day);
    if (!p) {
      p = { day, bankroll, staked: new Decimal(0), profit: new Decimal(0), bets: 0 };
      curve.set(day, p);
    }
    return p;
  };
  /** Settles every bet on games dated before `day` (their results are in), in game order. */
  const settleBefore = (day: string) => {
    for (const gameDay of [...pending.keys()].sort()) {
      if (gameDay >= day) break;
      for (const { bet, market, payout } of pending.get(gameDay)!) {
        const game = games[indexOf.get(bet.gameId)!]!;
        const outcome = {
          status: game.status,
          homeScore: game.homeScore,
          awayScore: game.awayScore,
          scheduledStart: game.commenceTime,
        };
        // A game the data never finished (postponed, or no result) voids, as settlement does after its wait.
        const settled =
          outcome.status === "Final" && game.homeScore !== null && game.awayScore !== null
            ? settleBet(
                { stake: bet.stake, odds: bet.price, potentialPayout: payout, market },
                outcome,
                game.commenceTime,
              )
            : { status: "void", result: new Decimal(0) };
        bet.status = settled.status;
        bet.result = settled.result ?? new Decimal(0);
        bankroll = bankroll.plus(bet.result);
        const p = point(gameDay);
        p.profit = p.profit.plus(bet.result);
      }
      point(gameDay).bankroll = bankroll;
      pending.delete(gameDay);
    }
  };

  for (const day of days) {
    settleBefore(day);
    const dayWeights = weights.get(day)!;
    const blendWeights = Object.fromEntries(
      Object.entries(dayWeights).map(([m, w]) => [m, w!.weight]),
    ) as Partial<Record<MarketName, number>>;
    const slate: HostGame[] = [];
    for (const { i, decision } of byDay.get(day)!) {
      const g = games[i]!;
      const forecast: GameForecast | undefined = forecaster.forecast(i, day);
      run.decisions.push({
        gameId: g.gameId,
        day,
        decidedAt: decision.decidedAt,
        ratings: forecaster.elo.ratingsAt(i, day),
        moneyline: forecast ? forecast.moneyline : null,
        weights: blendWeights,
        bankroll: bankroll.toFixed(2),
      });
      // A strategy reading the model decides only the games it forecasts (the live rule's behaviour).
      if (plugin.needsModel && !forecast) continue;
      slate.push({
        gameId: g.gameId,
        commenceTime: g.commenceTime,
        home: g.home,
        away: g.away,
        decidedAt: decision.decidedAt,
        odds: decision.odds,
        ...(forecast ? { forecast } : {}),
      });
    }
    const thresholds = s.thresholds ?? o.thresholds;
    const { context } = strategyContext(slate, {
      sport: h.history.sport,
      ways,
      markets,
      bettable: bookFilter(s.bookmakers),
      venueRules,
      ...(s.maxQuoteAgeMinutes === undefined ? {} : { maxQuoteAgeMinutes: s.maxQuoteAgeMinutes }),
      ...(plugin.needsModel ? { model: { thresholds, weights: blendWeights } } : {}),
    });
    const maxPerDay = plugin.needsModel ? thresholds.maxPerDay : s.thresholds?.maxPerDay;
    const sized = sizeProposals(plugin.propose(context, s.options), {
      bankroll,
      limits: s.staking,
      venueRules,
      commenceTime: (id) => games[indexOf.get(id)!]!.commenceTime,
      ...(maxPerDay === undefined ? {} : { maxPerDay }),
    });
    run.suspects.push(...sized.suspects);
    const decisionOf = new Map(byDay.get(day)!.map((d) => [games[d.i]!.gameId, d.decision]));
    for (const { proposal: r, venue, odds, stake } of sized.bets) {
      const g = games[indexOf.get(r.gameId)!]!;
      const decision = decisionOf.get(r.gameId)!;
      const bet: BacktestBet = {
        gameId: r.gameId,
        gameDate: g.date,
        decisionDay: day,
        decidedAt: decision.decidedAt,
        market: r.quote.market,
        selection: r.quote.selection,
        line: r.quote.market === "moneyline" ? null : r.quote.line,
        bookmaker: r.quote.bookmaker,
        price: new Decimal(r.quote.price).toDecimalPlaces(4, Decimal.ROUND_HALF_UP),
        odds,
        quotedAt: r.quote.quotedAt,
        probability: dp4(r.fairProbability),
        modelProbability: dp4(r.detail?.modelProbability ?? r.fairProbability),
        marketProbability: r.detail?.marketProbability === undefined ? null : dp4(r.detail.marketProbability),
        weight: dp4(r.detail?.weight ?? 0),
        edge: Math.min(dp4(r.edge), MAX_STORED_EDGE.toNumber()),
        stake: stake.stake,
        result: new Decimal(0),
        status: "pending",
        reason: r.reason,
        ...(r.group ? { group: r.group.id } : {}),
        // Only a history loaded with an assumed price has quotes to look through.
        ...(h.history.assumedPrice && isAssumed(h.quotesByGame[indexOf.get(r.gameId)!]!, r.quote)
          ? { assumedPrice: true }
          : {}),
      };
      run.bets.push(bet);
      const payout = venue.payout(stake, bet.price);
      pending.set(g.date, [
        ...(pending.get(g.date) ?? []),
        {
          bet,
          market: betMarket(
            { recommendationType: bet.market, side: bet.selection, line: bet.line },
            ways,
            venue,
          ),
          venue,
          payout,
        },
      ]);
      const p = point(day);
      p.staked = p.staked.plus(stake.stake);
      p.bets += 1;
    }
  }
  settleBefore("9999-12-31");
  // A point made on a decision day holds that day's bankroll; its games' settlement updated it.
  run.curve = [...curve.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  return run;
}
