// The Pipelines page's operations: recent runs, and queueing a re-run.
import { allPages, request } from "../graphql/client.ts";
import { graphql } from "../graphql/graphql.ts";

const RunsQuery = graphql(`
  query PipelineRuns($after: String) {
    pipelineRuns(first: 75, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id dag sport step runDate status attempt queuedAt startedAt finishedAt rowsWritten error }
      }
    }
  }
`);

/** The most recently queued runs (up to 1,500: the grid shows the last days only). */
export function loadRuns(signal: AbortSignal) {
  return allPages(async (after) => (await request(RunsQuery, { after }, signal)).pipelineRuns, 20);
}

const RunPipeline = graphql(`
  mutation RunPipeline($sport: String!, $date: Date!, $steps: [String!]) {
    runPipeline(sport: $sport, date: $date, steps: $steps) {
      pipelineRuns { id step status runDate }
      jobs { id taskIdentifier state }
    }
  }
`);

export function runPipeline(sport: string, date: string, steps: string[] | null) {
  return request(RunPipeline, { sport, date, steps }).then((d) => d.runPipeline);
}
