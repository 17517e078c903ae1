// Sport codes are normalised in one place (graphql/filters.ts): every sport argument takes
// `nhl`, ` NHL ` and `NHL` alike, on both read paths and in the mutations.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startSeededHarness } from "./graphql-harness.ts";
import type { SeedSummary } from "./graphql-seed.ts";

let h: Harness;
let seed: SeedSummary;

beforeAll(async () => {
  ({ h, seed } = await startSeededHarness({ days: 3, teams: 4, bookmakers: 1 }));
});
afterAll(() => h?.close());

const reads: [string, (sport: string) => string][] = [
  ["games", (s) => `{ games(sport: "${s}", first: 50) { totalCount edges { node { id sport } } } }`],
  [
    "eloRatings",
    (s) => `{ eloRatings(sport: "${s}", first: 50) { totalCount edges { node { id sport } } } }`,
  ],
  ["leaderboard", (s) => `{ leaderboard(sport: "${s}", first: 50) { totalCount edges { node { id } } } }`],
  [
    "recommendations",
    (s) => `{ recommendations(sport: "${s}", first: 50) { totalCount edges { node { id sport } } } }`,
  ],
  [
    "pipelineRuns",
    (s) => `{ pipelineRuns(sport: "${s}", first: 50) { totalCount edges { node { id sport } } } }`,
  ],
];

describe("sport arguments", () => {
  test.each(reads)("%s: nhl and ' NHL ' read what NHL reads, on both paths", async (_name, query) => {
    const upper = dataOf(await h.gql(query("NHL")));
    expect(JSON.stringify(upper)).toMatch(/"totalCount":[1-9]/);
    for (const given of ["nhl", " NHL ", "Nhl"]) {
      expect(dataOf(await h.gql(query(given)))).toEqual(upper);
      expect(dataOf(await h.gqlResolvers(query(given)))).toEqual(upper);
    }
  });

  test("runPipeline and backfill take a lower-case sport and queue its code", async () => {
    const run = dataOf(
      await h.gql<{ runPipeline: { pipelineRuns: { sport: string }[] } }>(
        `mutation { runPipeline(sport: "nhl", date: "${seed.firstDay}") { pipelineRuns { sport } } }`,
        {},
        { key: "write" },
      ),
    );
    expect(run.runPipeline.pipelineRuns).toEqual([{ sport: "NHL" }]);
    const backfill = dataOf(
      await h.gql<{ backfill: { pipelineRuns: { sport: string }[] } }>(
        `mutation { backfill(sport: "epl", from: "${seed.firstDay}", to: "${seed.lastDay}") { pipelineRuns { sport } } }`,
        {},
        { key: "write" },
      ),
    );
    expect(backfill.backfill.pipelineRuns.map((r) => r.sport)).toEqual(["EPL", "EPL", "EPL"]);
  });
});
