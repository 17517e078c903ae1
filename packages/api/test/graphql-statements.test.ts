// Statement counts per operation, counted at the pg pool the server uses (Prisma's queries and the
// raw SQL alike): each operation costs the same number of statements whatever its page size, and
// no more than its budget. An N+1 read (a relation or computed field queried per row) fails here.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";
import { type SeedSummary, seedGraphqlData } from "./graphql-seed.ts";

let h: Harness;
let seed: SeedSummary;

beforeAll(async () => {
  h = await startHarness({
    seed: async (api) => {
      seed = await seedGraphqlData(api.prisma, { days: 14, teams: 10, bookmakers: 4, snapshots: 120 });
    },
  });
});
afterAll(() => h?.close());

/** The statements one request costs; the request must succeed. */
async function statementsOf(query: string, variables: Record<string, unknown>): Promise<string[]> {
  let failed: unknown;
  const statements = await h.statementsDuring(async () => {
    try {
      dataOf(await h.gql(query, variables));
    } catch (error) {
      failed = error;
    }
  });
  if (failed) throw failed;
  return statements;
}

// Budgets: the API-key lookup (1), then one statement per root list, per Prisma include level,
// per totalCount and per batched loader the operation selects.
const operations: { name: string; budget: number; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: "games with odds, ratings, entities, probabilities, recommendations and bets",
    budget: 8,
    query: `query ($n: Int) { games(first: $n) { totalCount edges { node {
      id home { name rating { rating } entity { kind rating { rating } } } away { rating { rating } }
      modelProbabilities { home away draw }
      odds { bookmaker price } recommendations { side edge } bets { stake status } } } } }`,
  },
  {
    name: "odds with their game",
    budget: 4,
    query: `query ($n: Int, $g: ID!) { odds(gameId: $g, first: $n) { totalCount edges { node { price game { id status } } } } }`,
  },
  {
    name: "eloRatings with history",
    budget: 4,
    query: `query ($n: Int) { eloRatings(sport: "NHL", first: $n) { totalCount edges { node { entityId rating history(limit: 3) { rating } } } } }`,
  },
  {
    name: "leaderboard with history",
    budget: 4,
    query: `query ($n: Int) { leaderboard(sport: "EPL", first: $n) { totalCount edges { node { entityId rating history { rating } } } } }`,
  },
  {
    name: "recommendations with their game and its odds",
    budget: 5,
    query: `query ($n: Int) { recommendations(first: $n) { totalCount edges { node { side game { id odds { price } } } } } }`,
  },
  {
    name: "placedBets with their game and its home rating",
    budget: 5,
    query: `query ($n: Int) { placedBets(first: $n) { totalCount edges { node { stake game { id home { rating { rating } } } } } } }`,
  },
  {
    name: "portfolio snapshots and current state",
    budget: 5,
    query: `query ($n: Int) { portfolio { snapshots(first: $n) { totalCount edges { node { totalValue } } }
      current { openBets realizedPnl latestSnapshot { totalValue } } } }`,
  },
  {
    name: "pipelineRuns with their jobs",
    budget: 4,
    query: `query ($n: Int) { pipelineRuns(first: $n) { totalCount edges { node { step status job { state } } } } }`,
  },
];

describe("statements per operation", () => {
  for (const op of operations) {
    test(`${op.name}: the same count for 2 rows and 50, within budget`, async () => {
      const vars = { g: seed.firstGameId, ...op.variables };
      const small = await statementsOf(op.query, { ...vars, n: 2 });
      const large = await statementsOf(op.query, { ...vars, n: 50 });
      expect(large.length, large.join("\n")).toBe(small.length);
      expect(large.length, large.join("\n")).toBeLessThanOrEqual(op.budget);
    });
  }

  test("sports reads no table but the API key", async () => {
    expect(await statementsOf("{ sports { code markets { type } } }", {})).toHaveLength(1);
  });

  test("the counter records Prisma's statements and the raw SQL of the loaders alike", async () => {
    const statements = await statementsOf(
      `query ($g: ID!) { game(id: $g) { id home { rating { rating } } } }`,
      { g: seed.firstGameId },
    );
    expect(statements).toHaveLength(3);
    expect(statements[1]).toContain('FROM "public"."unified_games"');
    expect(statements[2]).toContain("JOIN LATERAL");
  });
});
