// Line shopping and the screener over real HTTP: Game.bestPrices gives the best price of every
// outcome with its book and age, never a quote older than maxAgeMinutes, in one statement for a
// page of games; opportunities(sport, strategy) is what `edgeline screen` lists.
import { createPgPool } from "@edgeline/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startHarness, subscribeSse } from "./graphql-harness.ts";
import { G1, G2, seedScreen } from "./screen-seed.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    seed: async (_api, db) => {
      const pool = createPgPool({ connectionString: db.url, poolSize: 1 });
      try {
        await seedScreen(pool);
      } finally {
        await pool.end();
      }
    },
  });
});
afterAll(() => h?.close());

type Best = {
  market: string;
  selection: string;
  bookmaker: string;
  price: number;
  netOdds: number;
  ageSeconds: number;
};

describe("line shopping", () => {
  test("the best price per outcome with its book and age; a quote past the maximum age is never used", async () => {
    const query = `query($id: ID!, $age: Int) { game(id: $id) { bestPrices(maxAgeMinutes: $age) {
      market selection line bookmaker venue price netOdds quotedAt ageSeconds } } }`;
    const best = async (age: number) =>
      dataOf(await h.gql<{ game: { bestPrices: Best[] } }>(query, { id: G1, age })).game.bestPrices;
    const fresh = await best(60);
    expect(fresh.map((b) => [b.selection, b.bookmaker, b.price])).toEqual([
      ["home", "Bet365", 2.25],
      ["draw", "Pinnacle", 3.6],
      ["away", "Pinnacle", 4],
    ]);
    expect(fresh[0]!.ageSeconds).toBeGreaterThanOrEqual(20 * 60);
    // Allowing four hours, William Hill's three-hour-old 3.00 is the best home price.
    expect((await best(240))[0]).toMatchObject({ bookmaker: "William Hill", price: 3 });
    const bad = await h.gql(query, { id: G1, age: 0 });
    expect(JSON.stringify(bad.body.errors)).toMatch(/maxAgeMinutes/);
  });

  test("a page of games costs one statement for their prices", async () => {
    const statements = await h.statementsDuring(() =>
      h.gql(`{ games(sport: "EPL", first: 10) { edges { node { id bestPrices { bookmaker price } } } } }`),
    );
    expect(statements.filter((s) => s.includes("odds_quotes"))).toHaveLength(1);
  });
});

describe("opportunities", () => {
  test("a strategy's current bets and arbitrage sets", async () => {
    const { opportunities } = dataOf(
      await h.gql<{
        opportunities: {
          games: number;
          opportunities: Array<{
            gameId: string;
            bookmaker: string;
            price: number;
            edge: number;
            stake: string;
          }>;
          sets: Array<{ kind: string; lockedProfit: string; legs: Array<{ gameId: string }> }>;
        };
      }>(
        `{ opportunities(sport: "EPL", strategy: "sharp-reference") { games
            opportunities { gameId bookmaker price fairPrice edge stake ageSeconds reason }
            sets { kind lockedProfit legs { gameId } } } }`,
      ),
    );
    expect(opportunities.games).toBe(2);
    expect(opportunities.opportunities.find((o) => o.gameId === G1)).toMatchObject({
      bookmaker: "Bet365",
      price: 2.25,
      stake: "18.91",
    });
    const arb = dataOf(
      await h.gql<{
        opportunities: {
          sets: Array<{ kind: string; lockedProfit: string; legs: Array<{ gameId: string }> }>;
        };
      }>(
        `{ opportunities(sport: "EPL", strategy: "arbitrage") { sets { kind lockedProfit legs { gameId } } } }`,
      ),
    ).opportunities.sets;
    expect(arb.map((s) => s.legs[0]!.gameId).sort()).toEqual([G1, G2].sort());
    expect(arb.every((s) => s.kind === "arbitrage" && Number(s.lockedProfit) > 0)).toBe(true);
    const bad = await h.gql(`{ opportunities(sport: "EPL", strategy: "martingale") { games } }`);
    expect(JSON.stringify(bad.body.errors)).toMatch(/unknown strategy/);
  });
});

describe("opportunitiesUpdated", () => {
  test("sends the screen at once over SSE", async () => {
    const stream = await subscribeSse(
      h.url,
      `subscription { opportunitiesUpdated(sport: "EPL", strategy: "arbitrage", intervalSeconds: 60) { games sets { kind } } }`,
      h.keys.read,
    );
    try {
      expect(stream.status).toBe(200);
      const event = await stream.next();
      expect(event.data).toEqual({
        opportunitiesUpdated: { games: 2, sets: [{ kind: "arbitrage" }, { kind: "arbitrage" }] },
      });
    } finally {
      stream.close();
    }
  });
});
