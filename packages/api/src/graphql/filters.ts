// What the root fields' filter arguments mean, in one place for both read paths: the Prisma
// resolvers turn a filter into a `where`, the SQL compiler (compile/) into SQL conditions. An
// empty optional argument filters nothing (as it always has); sport codes are normalised here.
import { invalidArgument } from "./errors.ts";

/** The one normalisation of a sport code given by a client: `nhl`, ` NHL ` and `NHL` are NHL. */
export function sportCode(value: string): string {
  return value.trim().toUpperCase();
}

const optionalSport = (value: string | null | undefined) => (value ? sportCode(value) : undefined);
const optional = <T>(value: T | null | undefined): T | undefined => (value ? value : undefined);

/** A from/to window whose end is before its start is an argument error on `to`. */
export function checkOrder<T extends string | Date>(
  from: T | null | undefined,
  to: T | null | undefined,
): void {
  if (from && to && from > to) throw invalidArgument("to", "must not be before from");
}

/** A from/to window's bounds, each optional, in order. */
function bounds<T extends string | Date>(args: { from?: T | null; to?: T | null }): { from?: T; to?: T } {
  checkOrder(args.from, args.to);
  return { from: optional(args.from), to: optional(args.to) };
}

/** A Prisma range filter on a window's bounds, `upper` inclusive or not; none without either bound. */
export function between<T>(
  from: T | undefined,
  to: T | undefined,
  upper: "lt" | "lte",
): { gte?: T; lt?: T; lte?: T } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: from } : {}), ...(to ? { [upper]: to } : {}) };
}

export interface GameFilter {
  sport?: string;
  status?: string;
  /** Game days from (inclusive), YYYY-MM-DD. */
  from?: string;
  /** Game days to (inclusive), YYYY-MM-DD. */
  to?: string;
  /** Entity id of either side. */
  team?: string;
}

export function gameFilter(args: {
  sport?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
  team?: string | null;
}): GameFilter {
  return {
    sport: optionalSport(args.sport),
    status: optional(args.status),
    ...bounds(args),
    team: optional(args.team),
  };
}

export interface OddsFilter {
  bookmaker?: string;
  market?: string;
}

export function oddsFilter(args: { bookmaker?: string | null; market?: string | null }): OddsFilter {
  return { bookmaker: optional(args.bookmaker), market: optional(args.market) };
}

export interface RatingsFilter {
  sport: string;
  entityId?: string;
  /** Only the rows in force on this day. */
  asOf?: string;
}

export function ratingsFilter(args: {
  sport: string;
  entityId?: string | null;
  asOf?: string | null;
}): RatingsFilter {
  return { sport: sportCode(args.sport), entityId: optional(args.entityId), asOf: optional(args.asOf) };
}

export interface LeaderboardFilter {
  sport: string;
  /** The rows in force on this day; absent: the current rows (valid_to NULL). */
  asOf?: string;
}

export function leaderboardFilter(args: { sport: string; asOf?: string | null }): LeaderboardFilter {
  return { sport: sportCode(args.sport), asOf: optional(args.asOf) };
}

export interface RecommendationFilter {
  sport?: string;
  status?: string;
  /** The UTC day they were generated on. */
  date?: string;
}

export function recommendationFilter(args: {
  sport?: string | null;
  status?: string | null;
  date?: string | null;
}): RecommendationFilter {
  return { sport: optionalSport(args.sport), status: optional(args.status), date: optional(args.date) };
}

export interface BetFilter {
  status?: string;
  bookmaker?: string;
  /** Placed at or after. */
  from?: Date;
  /** Placed before. */
  to?: Date;
}

export function betFilter(args: {
  status?: string | null;
  bookmaker?: string | null;
  from?: Date | null;
  to?: Date | null;
}): BetFilter {
  return { status: optional(args.status), bookmaker: optional(args.bookmaker), ...bounds(args) };
}

export interface RunFilter {
  sport?: string;
  /** The run date (the day processed). */
  date?: string;
  status?: string;
}

export function runFilter(args: {
  sport?: string | null;
  date?: string | null;
  status?: string | null;
}): RunFilter {
  return { sport: optionalSport(args.sport), date: optional(args.date), status: optional(args.status) };
}

/** The portfolio's snapshot window [from, to). */
export interface PortfolioWindow {
  from: Date | null;
  to: Date | null;
}

export function portfolioWindow(args: { from?: Date | null; to?: Date | null }): PortfolioWindow {
  const { from, to } = bounds(args);
  return { from: from ?? null, to: to ?? null };
}

export interface RefusalFilter {
  sport?: string;
  rule?: string;
}

const RULE = /^[a-z_]{1,40}$/;

/** The orderRefusals arguments: a sport code as everywhere, a rule name in lower snake case. */
export function refusalFilter(args: { sport?: string | null; rule?: string | null }): RefusalFilter {
  if (args.rule && !RULE.test(args.rule))
    throw invalidArgument("rule", "must be a rule name such as max_stake_per_bet or trading_paused");
  return { sport: optionalSport(args.sport), rule: optional(args.rule) };
}
