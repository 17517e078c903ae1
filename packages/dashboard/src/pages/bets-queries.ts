// The Bets page's operations: filtered bets, book bets awaiting a person, the manual-bet queue and
// recording a manual bet.
import { allPages, request } from "../graphql/client.ts";
import { graphql, type ResultOf, type VariablesOf } from "../graphql/graphql.ts";

const BetsQuery = graphql(`
  query Bets($bookmaker: String, $status: String, $from: DateTime, $to: DateTime, $after: String) {
    placedBets(bookmaker: $bookmaker, status: $status, from: $from, to: $to, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id bookmaker tradingMode marketId marketTitle outcome odds stake potentialPayout status result placedAt gameId
          game { sport }
        }
      }
    }
  }
`);

export type Bet = ResultOf<typeof BetsQuery>["placedBets"]["edges"][number]["node"];

export interface BetFilters {
  sport: string | null;
  bookmaker: string | null;
  status: string | null;
  /** Placed on or after this UTC day. */
  fromDay: string | null;
  /** Placed on or before this UTC day. */
  toDay: string | null;
}

/**
 * Bets matching the filters. The API filters venue, status and time; `placedBets` has no sport
 * argument, so the sport is filtered here on each bet's game (bets without a game never match a
 * sport filter).
 */
export async function loadBets(f: BetFilters, signal: AbortSignal) {
  const to = f.toDay ? new Date(Date.parse(`${f.toDay}T00:00:00Z`) + 86_400_000).toISOString() : null;
  const from = f.fromDay ? `${f.fromDay}T00:00:00.000Z` : null;
  const result = await allPages(
    async (after) =>
      (await request(BetsQuery, { bookmaker: f.bookmaker, status: f.status, from, to, after }, signal))
        .placedBets,
  );
  const nodes = f.sport ? result.nodes.filter((b) => b.game?.sport === f.sport) : result.nodes;
  return { bets: nodes, truncated: result.truncated };
}

const FilterOptionsQuery = graphql(`
  query BetFilterOptions {
    sports { code name }
  }
`);

export function loadSports(signal: AbortSignal) {
  return request(FilterOptionsQuery, {}, signal).then((d) => d.sports);
}

const QueueQuery = graphql(`
  query ManualBetQueue {
    recommendations(status: "active", first: 40) {
      totalCount
      edges {
        node {
          id sport type side edge recommendedStake expectedValue marketId gameId expiresAt
          game { id commenceTime home { name } away { name } }
        }
      }
    }
  }
`);

export type QueuedRecommendation = ResultOf<typeof QueueQuery>["recommendations"]["edges"][number]["node"];

export function loadQueue(signal: AbortSignal) {
  return request(QueueQuery, {}, signal).then((d) => d.recommendations.edges.map((e) => e.node));
}

const RecordManualBet = graphql(`
  mutation RecordManualBet($input: ManualBetInput!) {
    recordManualBet(input: $input) { id bookmaker outcome odds stake potentialPayout status placedAt }
  }
`);

export type ManualBetInput = VariablesOf<typeof RecordManualBet>["input"];

export function recordManualBet(input: ManualBetInput) {
  return request(RecordManualBet, { input }).then((d) => d.recordManualBet);
}

const AwaitingQuery = graphql(`
  query AwaitingBets($after: String) {
    placedBets(status: "awaiting", first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node { id bookmaker outcome stake odds minOdds marketCloseTime marketTitle marketId gameId }
      }
    }
  }
`);

export type AwaitingBet = ResultOf<typeof AwaitingQuery>["placedBets"]["edges"][number]["node"];

/** Live book bets a person has still to place (or confirm), with the lowest odds worth taking. */
export function loadAwaiting(signal: AbortSignal) {
  return allPages(async (after) => (await request(AwaitingQuery, { after }, signal)).placedBets);
}
