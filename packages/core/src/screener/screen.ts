// The screener: the opportunities a strategy sees now. A sport's games still to start (today and
// the next days, league time), the latest quote of every book known now (none older than the
// maximum age), the sport's model where the strategy reads it, then the strategy and the sizing
// every host shares. Each opportunity carries the game, selection, venue, price, fair price, edge,
// expected value, stake and the age of its quote; arbitrage and middle legs carry their set.
import { addDays, calendarDayIn, type ProposedBet } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { bookFilter, type Strategy } from "../backtest/strategy.ts";
import { bettingMarkets, modelOfDay, quoteOf } from "../pipeline/identify-bets.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import { gamesBetween } from "../repositories/games.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { quotesAt } from "../repositories/quotes.ts";
import { DEFAULT_STAKING_LIMITS, type StakingLimits } from "../staking/caps.ts";
import { type HostGame, strategyContext } from "../strategy-host/context.ts";
import { sizeProposals } from "../strategy-host/size.ts";

export interface ScreenOptions {
  sport: string;
  strategy: Strategy;
  /** @defaultValue the current time */
  now?: Date;
  /** Days of games after today. @defaultValue 2 */
  days?: number;
  /** Quotes older than this are never used (the strategy's own limit wins when set). @defaultValue 60 */
  maxQuoteAgeMinutes?: number;
  bankroll?: Decimal;
  limits?: StakingLimits;
}

export interface Opportunity {
  gameId: string;
  game: string;
  commenceTime: Date;
  market: string;
  selection: string;
  line: number | null;
  bookmaker: string;
  /** The venue that executes the book's prices (its plugin's name), when one claims it. */
  venue: string | null;
  price: number;
  /** 1 / the fair probability. */
  fairPrice: number;
  fairProbability: number;
  edge: number;
  /** Stake × edge. */
  expectedValue: string;
  stake: string;
  quotedAt: Date;
  ageSeconds: number;
  reason: string;
  group: { id: string; kind: string; lockedReturn: number | null } | null;
}

export interface ArbitrageSet {
  id: string;
  kind: string;
  legs: Opportunity[];
  staked: string;
  /** Worst-case profit of the set at its stakes (an arbitrage's locked profit). */
  lockedProfit: string;
}

export interface ScreenResult {
  sport: string;
  strategy: string;
  at: Date;
  games: number;
  opportunities: Opportunity[];
  sets: ArbitrageSet[];
  suspects: ProposedBet[];
}

export async function screen(
  db: Queryable,
  registry: PluginRegistry,
  o: ScreenOptions,
): Promise<ScreenResult> {
  const now = o.now ?? new Date();
  const sport = registry.sport(o.sport);
  const plugin = registry.strategy(o.strategy.strategy);
  const s = o.strategy;
  const markets = (s.markets ?? bettingMarkets(sport.plugin, sport.model)).filter((m) =>
    sport.plugin.markets.some((x) => x.type === m),
  );
  const today = calendarDayIn(now, sport.plugin.timeZone);
  const games = (await gamesBetween(db, sport.plugin.code, today, addDays(today, o.days ?? 2))).filter(
    (g) => g.status === "Scheduled" && g.commenceTime && g.commenceTime > now && g.homeTeamId && g.awayTeamId,
  );
  const quotes = await quotesAt(
    db,
    games.map((g) => g.gameId),
    now,
    { markets },
  );
  const day = plugin.needsModel
    ? await modelOfDay(db, sport.plugin, sport.model, today, games, markets)
    : undefined;
  const slate: HostGame[] = games.map((g, i) => {
    const forecast = day?.forecaster.forecast(day.offset + i, g.gameDate);
    return {
      gameId: g.gameId,
      commenceTime: g.commenceTime!,
      home: g.homeTeamName ?? g.homeTeamId!,
      away: g.awayTeamName ?? g.awayTeamId!,
      decidedAt: now,
      odds: quotes.filter((q) => q.gameId === g.gameId).flatMap((q) => quoteOf(q) ?? []),
      ...(forecast ? { forecast } : {}),
    };
  });
  const venueRules = (b: string) => registry.rulesFor(b);
  const thresholds = s.thresholds ?? sport.thresholds;
  const weights = Object.fromEntries(Object.entries(day?.weights ?? {}).map(([m, w]) => [m, w!.weight]));
  const { context } = strategyContext(slate, {
    sport: sport.plugin.code,
    ways: sport.view.markets.find((m) => m.type === "moneyline")?.ways ?? 2,
    markets,
    bettable: bookFilter(s.bookmakers),
    venueRules,
    maxQuoteAgeMinutes: s.maxQuoteAgeMinutes ?? o.maxQuoteAgeMinutes ?? 60,
    ...(plugin.needsModel ? { model: { thresholds, weights } } : {}),
  });
  const byId = new Map(slate.map((g) => [g.gameId, g]));
  const maxPerDay = plugin.needsModel ? thresholds.maxPerDay : s.thresholds?.maxPerDay;
  const sized = sizeProposals(plugin.propose(context, s.options), {
    bankroll: o.bankroll ?? new Decimal(s.bankroll),
    limits: o.limits ?? s.staking ?? DEFAULT_STAKING_LIMITS,
    venueRules,
    commenceTime: (id) => byId.get(id)!.commenceTime,
    ...(maxPerDay === undefined ? {} : { maxPerDay }),
  });
  const opportunities: Opportunity[] = sized.bets.map(({ proposal: p, stake }) => {
    const g = byId.get(p.gameId)!;
    return {
      gameId: p.gameId,
      game: `${g.away} at ${g.home}`,
      commenceTime: g.commenceTime,
      market: p.quote.market,
      selection: p.quote.selection,
      line: p.quote.line,
      bookmaker: p.quote.bookmaker,
      venue: registry.venueFor(p.quote.bookmaker)?.plugin.name ?? null,
      price: p.quote.price,
      fairPrice: 1 / p.fairProbability,
      fairProbability: p.fairProbability,
      edge: p.edge,
      expectedValue: stake.stake.times(p.edge).toFixed(2),
      stake: stake.stake.toFixed(2),
      quotedAt: p.quote.quotedAt,
      ageSeconds: Math.round((now.getTime() - p.quote.quotedAt.getTime()) / 1000),
      reason: p.reason,
      group: p.group
        ? { id: p.group.id, kind: p.group.kind, lockedReturn: p.group.lockedReturn ?? null }
        : null,
    };
  });
  const sets = new Map<string, ArbitrageSet>();
  for (const op of opportunities) {
    if (!op.group) continue;
    const set = sets.get(op.group.id) ?? {
      id: op.group.id,
      kind: op.group.kind,
      legs: [],
      staked: "0",
      lockedProfit: "0",
    };
    set.legs.push(op);
    sets.set(op.group.id, set);
  }
  for (const set of sets.values()) {
    const staked = set.legs.reduce((t, l) => t.plus(l.stake), new Decimal(0));
    // The worst case: the leg paying least wins (payout at its gross price net of the venue's fees).
    const worst = Decimal.min(
      ...set.legs.map((l) => new Decimal(l.stake).times(venueRules(l.bookmaker).netOdds(l.price))),
    );
    set.staked = staked.toFixed(2);
    set.lockedProfit = worst.minus(staked).toFixed(2);
  }
  return {
    sport: sport.plugin.code,
    strategy: s.name,
    at: now,
    games: games.length,
    opportunities,
    sets: [...sets.values()],
    suspects: sized.suspects,
  };
}
