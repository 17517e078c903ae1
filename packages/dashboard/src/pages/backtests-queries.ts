// The Backtests page's operations: the stored runs with their headline figures, and one run's
// equity curve, forecasts with calibration, and baselines.
import { allPages, request } from "../graphql/client.ts";
import { graphql, type ResultOf } from "../graphql/graphql.ts";

const RunsQuery = graphql(`
  query BacktestRuns($after: String) {
    backtestRuns(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id sport strategy from to model bets turnover profit yield yieldLow yieldHigh roi maxDrawdown
          startingBankroll endingBankroll parameters createdAt
          clv { sameBookMeasured sameBookAverage beatShare consensusMeasured consensusAverage note }
          assumedPrice { note }
        }
      }
    }
  }
`);

export type BacktestRunSummary = ResultOf<typeof RunsQuery>["backtestRuns"]["edges"][number]["node"];

/** Stored runs, newest first (up to 500). */
export function loadBacktestRuns(signal: AbortSignal) {
  return allPages(async (after) => (await request(RunsQuery, { after }, signal)).backtestRuns, 25);
}

const RunQuery = graphql(`
  query BacktestRunDetail($id: ID!) {
    backtestRun(id: $id) {
      id
      curve { day bankroll staked profit bets }
      forecasts {
        forecaster games brier logLoss accuracy
        calibration { lower upper count meanProbability observedRate }
      }
      baselines { name definition bets yield yieldLow yieldHigh }
    }
  }
`);

export type BacktestRunDetail = NonNullable<ResultOf<typeof RunQuery>["backtestRun"]>;

export async function loadBacktestRun(id: string, signal: AbortSignal): Promise<BacktestRunDetail | null> {
  return (await request(RunQuery, { id }, signal)).backtestRun;
}
