// The Overview's operations. Each is its own request so that one slow part does not hold the rest,
// and each page size keeps the document under the API's static cost limit (5000; graphql-armor
// multiplies a connection's cost by its literal `first`).
import { allPages, request } from "../graphql/client.ts";
import { graphql, type ResultOf } from "../graphql/graphql.ts";

const PortfolioQuery = graphql(`
  query OverviewPortfolio($from: DateTime, $after: String) {
    portfolio(from: $from) {
      current {
        openBets
        openStake
        openPotentialPayout
        realizedPnl
        settledBets
        latestSnapshot { snapshotTime totalValue cashBalance investedAmount realizedPnl unrealizedPnl }
      }
      snapshots(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { snapshotTime totalValue realizedPnl unrealizedPnl } }
      }
    }
  }
`);

export type PortfolioState = ResultOf<typeof PortfolioQuery>["portfolio"]["current"];

/** The current state and every snapshot since `from` (oldest first), up to 5,000. */
export async function loadPortfolio(from: string | null, signal: AbortSignal) {
  let current: PortfolioState | undefined;
  const { nodes, truncated } = await allPages(async (after) => {
    const { portfolio } = await request(PortfolioQuery, { from, after }, signal);
    current ??= portfolio.current;
    return portfolio.snapshots;
  }, 50);
  return { current: current!, snapshots: nodes, truncated };
}

const OpenBetsQuery = graphql(`
  query OverviewOpenBets($after: String) {
    placedBets(status: "pending", first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id bookmaker stake potentialPayout } }
    }
  }
`);

export function loadOpenBets(signal: AbortSignal) {
  return allPages(async (after) => (await request(OpenBetsQuery, { after }, signal)).placedBets);
}

const RecommendationsQuery = graphql(`
  query OverviewRecommendations($date: Date!, $after: String) {
    recommendations(date: $date, first: 40, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id sport type side status edge confidence recommendedStake expectedValue generatedAt
          game { id commenceTime home { name } away { name } }
        }
      }
    }
  }
`);

export type TodayRecommendation = ResultOf<
  typeof RecommendationsQuery
>["recommendations"]["edges"][number]["node"];

/** Recommendations generated on `date` (a UTC day), newest first, up to 400. */
export function loadTodaysRecommendations(date: string, signal: AbortSignal) {
  return allPages(
    async (after) => (await request(RecommendationsQuery, { date, after }, signal)).recommendations,
  );
}

const RecentBetsQuery = graphql(`
  query OverviewRecentBets {
    placedBets(first: 20) {
      totalCount
      edges {
        node {
          id bookmaker outcome odds openingOdds stake potentialPayout status result placedAt
          game { id sport home { name } away { name } }
        }
      }
    }
  }
`);

export type RecentBet = ResultOf<typeof RecentBetsQuery>["placedBets"]["edges"][number]["node"];

export function loadRecentBets(signal: AbortSignal) {
  return request(RecentBetsQuery, {}, signal).then((d) => d.placedBets.edges.map((e) => e.node));
}

const SnapshotPortfolio = graphql(`
  mutation SnapshotPortfolio {
    snapshotPortfolio { pipelineRuns { id step status } jobs { id state } }
  }
`);

/** Queues a portfolio snapshot now (a write key); the worker takes it within seconds. */
export function snapshotPortfolio() {
  return request(SnapshotPortfolio, {}).then((d) => d.snapshotPortfolio);
}

const TradingStatusQuery = graphql(`
  query OverviewTradingStatus {
    tradingStatus { paused reason changedAt changedBy mode }
  }
`);

export type TradingStatus = ResultOf<typeof TradingStatusQuery>["tradingStatus"];

/** The kill switch and whether this deployment trades live or on paper. */
export function loadTradingStatus(signal: AbortSignal) {
  return request(TradingStatusQuery, {}, signal).then((d) => d.tradingStatus);
}
