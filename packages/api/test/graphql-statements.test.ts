// Statement counts per operation, counted at the pg pool the server uses (Prisma's queries and the
// raw SQL alike): each operation costs the same number of statements whatever its page size, and
// no more than its budget. An N+1 read (a relation or computed field queried per row) fails here.
// Every read below costs ONE statement on the compiled path (the SQL compiler); the resolver
// path (the same server with the compiler off) keeps its own budgets. API keys are verified once
// and then cached (auth/api-key-cache.ts), so a warm key costs nothing: the budgets no longer
// count a key lookup, and the last test counts what a cold key costs.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApiKey } from "../src/auth/api-key-store.ts";
import { dataOf, type Harness, startSeededHarness } from "./graphql-harness.ts";
import type { SeedSummary } from "./graphql-seed.ts";

let h: Harness;
let seed: SeedSummary;

beforeAll(async () => {
  // Long enough that no cached key expires while this file runs (counts must not vary).
  ({ h, seed } = await startSeededHarness(
    { days: 14, teams: 10, bookmakers: 4, snapshots: 120 },
    { config: { keyCacheTtlMs: 3_600_000 } },
  ));
  // Warm both servers' key caches.
  dataOf(await h.gql("{ sports { code } }"));
  dataOf(await h.gqlResolvers("{ sports { code } }"));
});
afterAll(() => h?.close());

/** The statements one request costs; the request must succeed. */
async function statementsOf(
  query: string,
  variables: Record<string, unknown>,
  gql: Harness["gql"] = h.gql,
  key?: string,
): Promise<string[]> {
  let failed: unknown;
  const statements = await h.statementsDuring(async () => {
    try {
      dataOf(await gql(query, variables, key ? { key } : {}));
    } catch (error) {
      failed = error;
    }
  });
  if (failed) throw failed;
  return statements;
}

// Budgets of the resolver path: one statement per root list, per Prisma include level, per
// totalCount and per batched loader the operation selects (each was one more, for the key lookup,
// before keys were cached).
const operations: { name: string; budget: number; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: "games with odds, ratings, entities, probabilities, recommendations and bets",
    budget: 7,
    query: `query ($n: Int) { games(first: $n) { totalCount edges { node {
      id home { name rating { rating } entity { kind rating { rating } } } away { rating { rating } }
      modelProbabilities { home away draw }
      odds { bookmaker price } recommendations { side edge } bets { stake status } } } } }`,
  },
  {
    name: "odds with their game",
    budget: 3,
    query: `query ($n: Int, $g: ID!) { odds(gameId: $g, first: $n) { totalCount edges { node { price game { id status } } } } }`,
  },
  {
    name: "eloRatings with history",
    budget: 3,
    query: `query ($n: Int) { eloRatings(sport: "NHL", first: $n) { totalCount edges { node { entityId rating history(limit: 3) { rating } } } } }`,
  },
  {
    name: "leaderboard with history",
    budget: 3,
    query: `query ($n: Int) { leaderboard(sport: "EPL", first: $n) { totalCount edges { node { entityId rating history { rating } } } } }`,
  },
  {
    name: "recommendations with their game and its odds",
    budget: 4,
    query: `query ($n: Int) { recommendations(first: $n) { totalCount edges { node { side game { id odds { price } } } } } }`,
  },
  {
    name: "placedBets with their game and its home rating",
    budget: 4,
    query: `query ($n: Int) { placedBets(first: $n) { totalCount edges { node { stake game { id home { rating { rating } } } } } } }`,
  },
  {
    name: "portfolio snapshots and current state",
    budget: 4,
    query: `query ($n: Int) { portfolio { snapshots(first: $n) { totalCount edges { node { totalValue } } }
      current { openBets realizedPnl latestSnapshot { totalValue } } } }`,
  },
  {
    name: "pipelineRuns with their jobs",
    budget: 3,
    query: `query ($n: Int) { pipelineRuns(first: $n) { totalCount edges { node { step status job { state } } } } }`,
  },
];

describe("statements per operation", () => {
  for (const op of operations) {
    test(`${op.name}: one statement on the compiled path, for 2 rows and 50`, async () => {
      const vars = { g: seed.firstGameId, ...op.variables };
      const small = await statementsOf(op.query, { ...vars, n: 2 });
      const large = await statementsOf(op.query, { ...vars, n: 50 });
      expect(small, small.join("\n")).toHaveLength(1);
      expect(large, large.join("\n")).toHaveLength(1);
    });

    test(`${op.name}: on the resolvers, the same count for 2 rows and 50, within budget`, async () => {
      const vars = { g: seed.firstGameId, ...op.variables };
      const small = await statementsOf(op.query, { ...vars, n: 2 }, h.gqlResolvers);
      const large = await statementsOf(op.query, { ...vars, n: 50 }, h.gqlResolvers);
      expect(large.length, large.join("\n")).toBe(small.length);
      expect(large.length, large.join("\n")).toBeLessThanOrEqual(op.budget);
    });
  }

  test("sports reads no table at all", async () => {
    expect(await statementsOf("{ sports { code markets { type } } }", {})).toHaveLength(0);
    expect(await statementsOf("{ sports { code markets { type } } }", {}, h.gqlResolvers)).toHaveLength(0);
  });

  test("the counter records Prisma's statements and the raw SQL of the loaders alike", async () => {
    const statements = await statementsOf(
      `query ($g: ID!) { game(id: $g) { id home { rating { rating } } } }`,
      { g: seed.firstGameId },
      h.gqlResolvers,
    );
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain('FROM "public"."unified_games"');
    expect(statements[1]).toContain("JOIN LATERAL");
  });

  test("a key not yet verified costs one lookup, once; then it is cached", async () => {
    const key = (await createApiKey(h.api.prisma, "read", "cold")).key;
    const query = `query ($g: ID!) { game(id: $g) { id } }`;
    const cold = await statementsOf(query, { g: seed.firstGameId }, h.gql, key);
    expect(cold).toHaveLength(2);
    expect(cold[0]).toContain("FROM api_keys");
    expect(await statementsOf(query, { g: seed.firstGameId }, h.gql, key)).toHaveLength(1);
  });
});
