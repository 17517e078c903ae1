// The Overview's operations. Each is its own request so that one slow part does not hold the rest.
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

const TodayQuery = graphql(`
  query OverviewToday($date: Date!) {
    recommendations(date: $date, first: 100) {
      totalCount
      edges {
        node {
          id sport type side status edge confidence recommendedStake expectedValue generatedAt
          game { id commenceTime home { name } away { name } }
        }
      }
    }
    placedBets(first: 10) {
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

export type TodayData = ResultOf<typeof TodayQuery>;

export function loadToday(date: string, signal: AbortSignal) {
  return request(TodayQuery, { date }, signal);
}
