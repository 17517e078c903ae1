// Every mutation over real HTTP with a write key: the queueing ones through the worker's real
// queue (graphile-worker jobs and pipeline_runs rows in the test database), and the two that
// write rows directly.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";
import { seedGraphqlData } from "./graphql-seed.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    seed: (api) => seedGraphqlData(api.prisma, { days: 3, teams: 4, bookmakers: 1 }),
  });
});
afterAll(() => h?.close());

interface Queued {
  pipelineRuns: {
    id: string;
    sport: string | null;
    step: string;
    runDate: string;
    status: string;
    job: { id: string } | null;
  }[];
  jobs: { id: string; taskIdentifier: string; state: string; key: string | null }[];
}
const QUEUED =
  "pipelineRuns { id sport step runDate status job { id } } jobs { id taskIdentifier state key }";

const write = { key: "write" } as const;

describe("queueing mutations", () => {
  test("runPipeline queues the first step of the chosen steps and returns its run and job", async () => {
    const { runPipeline } = dataOf(
      await h.gql<{ runPipeline: Queued }>(
        `mutation ($d: Date!) { runPipeline(sport: "NHL", date: $d, steps: ["fetch_markets", "update_elo"]) { ${QUEUED} } }`,
        { d: "2025-11-02" },
        write,
      ),
    );
    expect(runPipeline.pipelineRuns).toEqual([
      expect.objectContaining({
        sport: "NHL",
        step: "fetch_markets",
        runDate: "2025-11-02",
        status: "queued",
      }),
    ]);
    expect(runPipeline.jobs).toEqual([
      expect.objectContaining({ taskIdentifier: "fetch_markets", state: "QUEUED" }),
    ]);
    expect(runPipeline.pipelineRuns[0]!.job?.id).toBe(runPipeline.jobs[0]!.id);

    // Its progress can be queried afterwards.
    const { job, pipelineRuns } = dataOf(
      await h.gql<{ job: { id: string }; pipelineRuns: { totalCount: number } }>(
        `query ($id: ID!) { job(id: $id) { id state } pipelineRuns(sport: "NHL", date: "2025-11-02", status: "queued") { totalCount } }`,
        { id: runPipeline.jobs[0]!.id },
      ),
    );
    expect(job.id).toBe(runPipeline.jobs[0]!.id);
    expect(pipelineRuns.totalCount).toBe(1);
  });

  test("runPipeline refuses a sport no plugin provides and an unknown step, naming the argument", async () => {
    const sport = await h.gql(
      `mutation { runPipeline(sport: "XFL", date: "2025-11-02") { jobs { id } } }`,
      {},
      write,
    );
    expect(sport.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "sport" });
    const step = await h.gql(
      `mutation { runPipeline(sport: "NHL", date: "2025-11-02", steps: ["make_coffee"]) { jobs { id } } }`,
      {},
      write,
    );
    expect(step.body.errors?.[0]?.extensions?.argument).toMatch(/^steps/);
    expect(step.body.errors?.[0]?.message).toContain("make_coffee");
  });

  test("backfill queues one run per day", async () => {
    const { backfill } = dataOf(
      await h.gql<{ backfill: Queued }>(
        `mutation { backfill(sport: "EPL", from: "2025-09-01", to: "2025-09-03") { ${QUEUED} } }`,
        {},
        write,
      ),
    );
    expect(backfill.pipelineRuns.map((r) => r.runDate)).toEqual(["2025-09-01", "2025-09-02", "2025-09-03"]);
    expect(backfill.jobs).toHaveLength(3);
  });

  test("backfill refuses a reversed range and one over the worker's limit, naming the argument", async () => {
    const reversed = await h.gql(
      `mutation { backfill(sport: "EPL", from: "2025-09-03", to: "2025-09-01") { jobs { id } } }`,
      {},
      write,
    );
    expect(reversed.body.errors?.[0]?.extensions?.argument).toBe("to");
    const long = await h.gql(
      `mutation { backfill(sport: "EPL", from: "2020-01-01", to: "2025-01-01") { jobs { id } } }`,
      {},
      write,
    );
    expect(long.body.errors?.[0]?.extensions?.argument).toBe("to");
    expect(long.body.errors?.[0]?.message).toContain("366 days");
  });

  test("syncBets and snapshotPortfolio queue the hourly jobs now", async () => {
    const { syncBets, snapshotPortfolio } = dataOf(
      await h.gql<{ syncBets: Queued; snapshotPortfolio: Queued }>(
        `mutation { syncBets { ${QUEUED} } snapshotPortfolio { ${QUEUED} } }`,
        {},
        write,
      ),
    );
    expect(syncBets.pipelineRuns[0]).toMatchObject({
      step: "bet_sync_hourly",
      status: "queued",
      sport: null,
    });
    expect(syncBets.jobs[0]).toMatchObject({ taskIdentifier: "bet_sync_hourly", state: "QUEUED" });
    expect(snapshotPortfolio.pipelineRuns[0]).toMatchObject({ step: "portfolio_hourly_snapshot" });
    expect(snapshotPortfolio.jobs[0]).toMatchObject({ taskIdentifier: "portfolio_hourly_snapshot" });
  });
});

describe("rejectRecommendation", () => {
  const reject = `mutation ($id: ID!) { rejectRecommendation(id: $id) { id status game { id } } }`;

  test("rejects an active recommendation once; a second rejection is a conflict", async () => {
    const active = await h.api.prisma.betRecommendation.findFirstOrThrow({ where: { status: "active" } });
    const first = dataOf(
      await h.gql<{ rejectRecommendation: { status: string } }>(
        reject,
        { id: String(active.recommendationId) },
        write,
      ),
    );
    expect(first.rejectRecommendation.status).toBe("rejected");
    const stored = await h.api.prisma.betRecommendation.findUniqueOrThrow({
      where: { recommendationId: active.recommendationId },
    });
    expect(stored.status).toBe("rejected");
    const again = await h.gql(reject, { id: String(active.recommendationId) }, write);
    expect(again.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  test("an unknown id is NOT_FOUND and a malformed one names the argument", async () => {
    expect((await h.gql(reject, { id: "987654" }, write)).body.errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    expect((await h.gql(reject, { id: "abc" }, write)).body.errors?.[0]?.extensions?.argument).toBe("id");
  });
});

describe("recordManualBet", () => {
  const record = `mutation ($input: ManualBetInput!) { recordManualBet(input: $input) {
    id bookmaker stake odds potentialPayout status placedAt game { id } } }`;
  const base = { bookmaker: "BetMGM", marketId: "mgm-123", outcome: "home", stake: "25.50", odds: "2.1000" };

  test("records a pending bet with an exact payout, visible to placedBets", async () => {
    const game = await h.api.prisma.unifiedGame.findFirstOrThrow();
    const { recordManualBet: bet } = dataOf(
      await h.gql<{ recordManualBet: Record<string, unknown> }>(
        record,
        { input: { ...base, gameId: game.gameId } },
        write,
      ),
    );
    expect(bet).toMatchObject({
      bookmaker: "BetMGM",
      stake: "25.50",
      odds: "2.1000",
      potentialPayout: "53.55",
      status: "pending",
      game: { id: game.gameId },
    });
    const { placedBets } = dataOf(
      await h.gql<{ placedBets: { totalCount: number } }>(
        `{ placedBets(bookmaker: "BetMGM") { totalCount } }`,
      ),
    );
    expect(placedBets.totalCount).toBe(1);
  });

  test("executes the recommendation it names, in the same transaction", async () => {
    const rec = await h.api.prisma.betRecommendation.findFirstOrThrow({ where: { status: "active" } });
    dataOf(
      await h.gql(
        record,
        { input: { ...base, betId: "MGM-TICKET-1", recommendationId: String(rec.recommendationId) } },
        write,
      ),
    );
    const stored = await h.api.prisma.betRecommendation.findUniqueOrThrow({
      where: { recommendationId: rec.recommendationId },
    });
    expect(stored.status).toBe("executed");
    const dup = await h.gql(record, { input: { ...base, betId: "MGM-TICKET-1" } }, write);
    expect(dup.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  test.each([
    [{ stake: "-5.00" }, "input.stake", "plain decimal"],
    [{ stake: "0" }, "input.stake", "greater than 0"],
    [{ stake: "10.123" }, "input.stake", "at most 2 decimal places"],
    [{ stake: "100000000.00" }, "input.stake", "at most 99999999.99"],
    [{ odds: "1.0000" }, "input.odds", "greater than 1"],
    [{ odds: "2.12345" }, "input.odds", "at most 4 decimal places"],
    [{ bookmaker: "  " }, "input.bookmaker", "must not be empty"],
    [{ stake: "90000000.00", odds: "2" }, "input.stake", "potential payout"],
    [{ gameId: "NHL-19000101-AAA-BBB" }, "input.gameId", "no game"],
  ])("refuses %j, naming %s", async (change, argument, message) => {
    const res = await h.gql(record, { input: { ...base, ...change } }, write);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(res.body.errors?.[0]?.message).toContain(message);
  });

  test("a float for a Decimal is refused by the scalar before any resolver runs", async () => {
    const res = await h.gql(record, { input: { ...base, stake: 25.5 } }, write);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toContain("Decimal must be a string");
  });
});

describe("queueing costs a bounded number of statements", () => {
  test("runPipeline: the same for one step and for all six", async () => {
    const one = await h.statementsDuring(() =>
      h.gql(
        `mutation { runPipeline(sport: "NBA", date: "2025-12-01", steps: ["update_elo"]) { ${QUEUED} } }`,
        {},
        write,
      ),
    );
    const all = await h.statementsDuring(() =>
      h.gql(`mutation { runPipeline(sport: "NBA", date: "2025-12-02") { ${QUEUED} } }`, {}, write),
    );
    expect(all.length).toBe(one.length);
    expect(all.length).toBeLessThanOrEqual(10);
  });
});
