// The trading side of the API over real HTTP: the kill switch (write key), refused orders, the
// manual queue (cancel; recordManualBet validating its recommendation's status and game, so that
// a rejected or executed one gets no bet and one on another game is refused), a bet's venue,
// paper/live mode, closing line and status history, and the portfolio's average CLV.
import { insertBets, recordRefusals } from "@edgeline/core";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";
import { seedGraphqlData } from "./graphql-seed.ts";

let h: Harness;
const write = { key: "write" } as const;

beforeAll(async () => {
  h = await startHarness({
    seed: (api) => seedGraphqlData(api.prisma, { days: 3, teams: 4, bookmakers: 1 }),
  });
});
afterAll(() => h?.close());

const STATUS = "paused reason changedBy changedAt";

describe("the kill switch", () => {
  test("pause and resume need a write key; the status is stored", async () => {
    const denied = await h.gql(`mutation { pauseTrading { paused } }`, {}, { key: "read" });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { pauseTrading } = dataOf(
      await h.gql<{ pauseTrading: Record<string, unknown> }>(
        `mutation { pauseTrading(reason: "odd prices") { ${STATUS} } }`,
        {},
        write,
      ),
    );
    expect(pauseTrading).toMatchObject({
      paused: true,
      reason: "odd prices",
      changedBy: expect.stringMatching(/^api key /),
    });
    expect(
      dataOf(await h.gql<{ tradingStatus: { paused: boolean } }>(`{ tradingStatus { paused } }`))
        .tradingStatus,
    ).toEqual({
      paused: true,
    });
    const bad = await h.gql(`mutation { pauseTrading(reason: "a\\u0000b") { paused } }`, {}, write);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    dataOf(await h.gql(`mutation { resumeTrading { paused } }`, {}, write));
    expect(
      dataOf(await h.gql<{ tradingStatus: { paused: boolean } }>(`{ tradingStatus { paused } }`))
        .tradingStatus.paused,
    ).toBe(false);
  });

  test("refused orders are listed with their rule and reason", async () => {
    const rec = await h.api.prisma.betRecommendation.findFirstOrThrow({ where: { status: "active" } });
    await recordRefusals(h.api.pool, [
      {
        recommendationId: rec.recommendationId,
        sport: rec.sport,
        runDate: "2025-10-02",
        venue: "manual",
        rule: "max_stake_per_bet",
        reason: "stake 60.00 is above the maximum per bet 50.00",
        stake: new Decimal(60),
        refusedAt: new Date("2025-10-02T12:00:00Z"),
      },
    ]);
    const { orderRefusals } = dataOf(
      await h.gql<{ orderRefusals: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
        `{ orderRefusals(rule: "max_stake_per_bet") { totalCount edges { node { rule reason stake runDate venue recommendation { id } } } } }`,
      ),
    );
    expect(orderRefusals.totalCount).toBe(1);
    const bad = await h.gql(`{ orderRefusals(rule: "x'; --") { totalCount } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "rule" });
    expect(orderRefusals.edges[0]!.node).toEqual({
      rule: "max_stake_per_bet",
      reason: "stake 60.00 is above the maximum per bet 50.00",
      stake: "60.00",
      runDate: "2025-10-02",
      venue: "manual",
      recommendation: { id: String(rec.recommendationId) },
    });
  });
});

describe("the manual queue", () => {
  const record = `mutation ($input: ManualBetInput!) { recordManualBet(input: $input) { id status tradingMode venue recommendationId } }`;
  const base = {
    bookmaker: "BetMGM",
    marketId: "mgm-9",
    outcome: "home_team_win",
    stake: "10.00",
    odds: "2.0000",
  };

  test("a rejected recommendation, an executed one and one on another game get no bet", async () => {
    const [a, b] = await h.api.prisma.betRecommendation.findMany({
      where: { status: "active" },
      orderBy: { recommendationId: "asc" },
      take: 2,
    });
    await h.api.prisma.betRecommendation.update({
      where: { recommendationId: a!.recommendationId },
      data: { status: "rejected" },
    });
    const rejected = await h.gql(
      record,
      { input: { ...base, recommendationId: String(a!.recommendationId) } },
      write,
    );
    expect(rejected.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/is rejected; a bet can be recorded only on an active one/),
      extensions: { code: "CONFLICT" },
    });
    const other = await h.api.prisma.unifiedGame.findFirstOrThrow({ where: { gameId: { not: b!.gameId! } } });
    const wrongGame = await h.gql(
      record,
      { input: { ...base, recommendationId: String(b!.recommendationId), gameId: other.gameId } },
      write,
    );
    expect(wrongGame.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "input.gameId",
    });
    const { recordManualBet } = dataOf(
      await h.gql<{ recordManualBet: Record<string, unknown> }>(
        record,
        { input: { ...base, recommendationId: String(b!.recommendationId) } },
        write,
      ),
    );
    expect(recordManualBet).toMatchObject({
      status: "pending",
      tradingMode: "live",
      venue: "manual",
      recommendationId: String(b!.recommendationId),
    });
    const again = await h.gql(
      record,
      { input: { ...base, marketId: "mgm-10", recommendationId: String(b!.recommendationId) } },
      write,
    );
    expect(again.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/is executed/),
      extensions: { code: "CONFLICT" },
    });
    expect(
      await h.api.prisma.placedBet.count({
        where: { recommendationId: { in: [a!.recommendationId, b!.recommendationId] } },
      }),
    ).toBe(1);
    expect(
      (
        await h.api.prisma.betRecommendation.findUniqueOrThrow({
          where: { recommendationId: a!.recommendationId },
        })
      ).status,
    ).toBe("rejected");
  });

  test("cancelManualBet drops an awaiting bet once; the history shows both changes", async () => {
    const game = await h.api.prisma.unifiedGame.findFirstOrThrow();
    await insertBets(
      h.api.pool,
      [
        {
          betId: "await-1",
          gameId: game.gameId,
          marketId: "m-await",
          bookmaker: "DraftKings",
          outcome: "home_team_win",
          stake: new Decimal(12),
          odds: new Decimal("2.2"),
          potentialPayout: new Decimal("26.40"),
          status: "awaiting",
          result: null,
          placedTimeUtc: new Date(),
          marketTitle: null,
          marketCloseTimeUtc: null,
          openingOdds: new Decimal("2.2"),
          tradingMode: "live",
          venue: "manual",
          minOdds: new Decimal("2.05"),
        },
      ],
      { reasons: ["placed live at manual (DraftKings) at 2.2000"] },
    );
    const cancel = `mutation { cancelManualBet(id: "await-1", reason: "limited") { id status minOdds statusHistory { from to reason } } }`;
    const { cancelManualBet } = dataOf(
      await h.gql<{ cancelManualBet: Record<string, unknown> }>(cancel, {}, write),
    );
    expect(cancelManualBet).toEqual({
      id: "await-1",
      status: "cancelled",
      minOdds: "2.0500",
      statusHistory: [
        { from: null, to: "awaiting", reason: "placed live at manual (DraftKings) at 2.2000" },
        { from: "awaiting", to: "cancelled", reason: "cancelled by hand: limited" },
      ],
    });
    const twice = await h.gql(cancel, {}, write);
    expect(twice.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const missing = await h.gql(`mutation { cancelManualBet(id: "nope") { id } }`, {}, write);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  test("a bet's closing line is read per bet and averaged in the portfolio", async () => {
    await h.api.pool.query(
      "UPDATE placed_bets SET clv = 0.05, clv_consensus = 0.02, closing_odds = 2.0, closed_at = now() WHERE bet_id = 'await-1'",
    );
    const { placedBets, portfolio } = dataOf(
      await h.gql<{
        placedBets: { edges: { node: Record<string, unknown> }[] };
        portfolio: { current: Record<string, unknown> };
      }>(
        `{ placedBets(status: "cancelled") { edges { node { id clv clvConsensus closingOdds tradingMode } } }
           portfolio { current { averageClv averageClvConsensus clvBets } } }`,
      ),
    );
    expect(placedBets.edges[0]!.node).toEqual({
      id: "await-1",
      clv: "0.0500",
      clvConsensus: "0.0200",
      closingOdds: "2.0000",
      tradingMode: "live",
    });
    expect(portfolio.current).toEqual({ averageClv: "0.0500", averageClvConsensus: "0.0200", clvBets: 1 });
  });
});
