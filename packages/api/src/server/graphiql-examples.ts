// The tabs GraphiQL opens with at /graphql: one example of each kind of operation. Paste a key
// into the headers tab ({"Authorization": "Bearer edg_..."}); `pnpm edgeline keys create` makes one.
const headers = JSON.stringify(
  { Authorization: "Bearer <paste a key from pnpm edgeline keys create>" },
  null,
  2,
);

const gamesWithOdds = /* GraphQL */ `# Games of a sport in a date range, with prices, ratings and the model's probabilities.
query GamesWithOdds($sport: String = "NHL", $from: Date = "2025-10-07", $to: Date = "2025-10-14") {
  games(sport: $sport, from: $from, to: $to, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id date status
        home { entityId name score rating { rating } }
        away { entityId name score rating { rating } }
        modelProbabilities { home away draw }
        odds(market: "moneyline") { bookmaker outcome price lastUpdate }
      }
    }
  }
}`;

const leaderboard = /* GraphQL */ `# The ten highest current ratings, each with its last five changes.
query Leaderboard($sport: String = "NHL") {
  leaderboard(sport: $sport, first: 10) {
    edges { node { entityId entityName rating validFrom history(limit: 5) { rating validFrom } } }
  }
}`;

const portfolio = /* GraphQL */ `# Today's recommendations, open bets and the portfolio.
query Today($date: Date = "2025-10-07") {
  recommendations(date: $date, status: "active", first: 20) {
    edges { node { id sport side edge recommendedStake game { id } } }
  }
  placedBets(status: "pending", first: 20) { totalCount edges { node { id bookmaker stake odds } } }
  portfolio { current { openBets openStake realizedPnl latestSnapshot { totalValue snapshotTime } } }
}`;

const runPipeline = /* GraphQL */ `# Needs a write key. Queues a day's pipeline; follow it with the subscription below.
mutation RunPipeline($sport: String! = "NHL", $date: Date! = "2025-10-07") {
  runPipeline(sport: $sport, date: $date) {
    pipelineRuns { id step status }
    jobs { id taskIdentifier state }
  }
}`;

const follow = /* GraphQL */ `# Streams pipeline progress over SSE (pipeline runs written by the worker, in any process).
subscription FollowPipeline($sport: String = "NHL") {
  pipelineRunUpdated(sport: $sport) { id step status startedAt finishedAt rowsWritten error }
}`;

export const graphiqlTabs = [gamesWithOdds, leaderboard, portfolio, runPipeline, follow].map((query) => ({
  query,
  headers,
}));
