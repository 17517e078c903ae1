// Every query of the API over real HTTP on a seeded database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startSeededHarness } from "./graphql-harness.ts";
import { dayAfter, type SeedSummary } from "./graphql-seed.ts";

let h: Harness;
let seed: SeedSummary;

beforeAll(async () => {
  ({ h, seed } = await startSeededHarness({ days: 10, teams: 8, bookmakers: 3 }));
});
afterAll(() => h?.close());

type Edges<T> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
};

describe("sports", () => {
  test("lists the loaded plugins with their markets", async () => {
    const { sports } = dataOf(
      await h.gql<{
        sports: {
          code: string;
          name: string;
          entityKind: string;
          markets: { type: string; ways: number }[];
        }[];
      }>("{ sports { code name entityKind markets { type ways } } }"),
    );
    expect(sports.map((s) => s.code)).toEqual(h.plugins.list().map((p) => p.code));
    const epl = sports.find((s) => s.code === "EPL")!;
    expect(epl.markets).toContainEqual({ type: "MONEYLINE", ways: 3 });
    expect(sports.find((s) => s.code === "TENNIS")!.entityKind).toBe("PLAYER");
  });
});

describe("games", () => {
  const query = `query ($sport: String, $from: Date, $to: Date, $status: String, $team: String, $first: Int, $after: String) {
    games(sport: $sport, from: $from, to: $to, status: $status, team: $team, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id sport date status home { entityId } away { entityId } } }
    }
  }`;
  type G = {
    id: string;
    sport: string;
    date: string;
    status: string;
    home: { entityId: string };
    away: { entityId: string };
  };

  test("filters by sport, date range, status and team, with totalCount", async () => {
    const from = dayAfter(seed.firstDay, 2);
    const to = dayAfter(seed.firstDay, 4);
    const { games } = dataOf(await h.gql<{ games: Edges<G> }>(query, { sport: "NHL", from, to, first: 100 }));
    expect(games.totalCount).toBe(12);
    expect(games.edges).toHaveLength(12);
    expect(
      games.edges.every(({ node }) => node.sport === "NHL" && node.date >= from && node.date <= to),
    ).toBe(true);

    const team = dataOf(
      await h.gql<{ games: Edges<G> }>(query, { sport: "NHL", team: "HAT", first: 100 }),
    ).games;
    expect(team.totalCount).toBe(10);
    expect(team.edges.every(({ node }) => node.home.entityId === "HAT" || node.away.entityId === "HAT")).toBe(
      true,
    );

    const scheduled = dataOf(
      await h.gql<{ games: Edges<G> }>(query, { status: "Scheduled", first: 100 }),
    ).games;
    expect(scheduled.totalCount).toBe(8);
    expect(scheduled.edges.every(({ node }) => node.date === seed.lastDay)).toBe(true);
  });

  test("pages with first/after through every game exactly once, in date order", async () => {
    const seen: G[] = [];
    let after: string | null = null;
    do {
      const page: Edges<G> = dataOf(
        await h.gql<{ games: Edges<G> }>(query, { sport: "EPL", first: 7, after }),
      ).games;
      seen.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(40);
    expect(new Set(seen.map((g) => g.id)).size).toBe(40);
    expect(seen.map((g) => g.date)).toEqual([...seen.map((g) => g.date)].sort());
  });

  test("rejects a page larger than the maximum, naming the argument", async () => {
    const res = await h.gql(query, { first: 101 });
    expect(res.body.errors?.[0]?.message).toBe('Invalid argument "first": must be between 0 and 100');
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("game", () => {
  test("returns odds, both ratings at game time, model probabilities, recommendations and bets", async () => {
    const { game } = dataOf(
      await h.gql<{ game: Record<string, unknown> & { odds: { price: string }[] } }>(
        `query ($id: ID!) { game(id: $id) {
          id date
          home { entityId rating { rating validFrom validTo } }
          away { entityId rating { rating } }
          modelProbabilities { home away draw homeRating awayRating }
          odds(bookmaker: "fanduel") { bookmaker market outcome price }
          recommendations { side status edge }
          bets { id stake odds status }
        } }`,
        { id: seed.firstGameId },
      ),
    );
    expect(game).toMatchObject({ id: seed.firstGameId, date: seed.firstDay });
    const g = game as unknown as {
      home: { rating: { rating: string; validFrom: string; validTo: string | null } };
      away: { rating: { rating: string } };
      modelProbabilities: {
        home: number;
        away: number;
        draw: number | null;
        homeRating: string;
        awayRating: string;
      };
      recommendations: unknown[];
      bets: { stake: string; odds: string }[];
      odds: { bookmaker: string; price: string }[];
    };
    // The row covering the game day: started on or before it, ends after it.
    expect(g.home.rating.validFrom <= seed.firstDay).toBe(true);
    expect(g.home.rating.validTo === null || g.home.rating.validTo > seed.firstDay).toBe(true);
    expect(g.home.rating.rating).toMatch(/^\d+\.\d{2}$/);
    const p = g.modelProbabilities;
    expect(p.homeRating).toBe(g.home.rating.rating);
    expect(p.awayRating).toBe(g.away.rating.rating);
    expect(p.draw).toBeNull(); // NHL: no draw model
    expect(p.home + p.away).toBeCloseTo(1, 12);
    expect(g.odds.map((o) => o.bookmaker)).toEqual(["fanduel", "fanduel"]);
    expect(g.odds[0]!.price).toMatch(/^\d+\.\d{4}$/);
    expect(g.recommendations).toHaveLength(1);
    expect(g.bets[0]!.stake).toMatch(/^\d+\.\d{2}$/);
  });

  test("gives a draw probability for a sport with a draw model, and null for an unknown id", async () => {
    const eplId = `EPL-20251001-SET-SAT`;
    const { game } = dataOf(
      await h.gql<{ game: { modelProbabilities: { home: number; draw: number; away: number } } }>(
        `{ game(id: "${eplId}") { modelProbabilities { home draw away } } }`,
      ),
    );
    const p = game.modelProbabilities;
    expect(p.draw).toBeGreaterThan(0);
    expect(p.home + p.draw + p.away).toBeCloseTo(1, 12);
    expect(dataOf(await h.gql(`{ game(id: "NOPE") { id } }`))).toEqual({ game: null });
  });
});

describe("Entity (team or player)", () => {
  test("a game's sides and a rating lead to the entity, its kind and its rating on a day", async () => {
    const { game, leaderboard } = dataOf(
      await h.gql<{
        game: {
          home: {
            entity: { id: string; sport: string; name: string; kind: string; rating: { rating: string } };
          };
        };
        leaderboard: { edges: { node: { entityId: string; entity: { id: string; kind: string } } }[] };
      }>(
        `query ($id: ID!, $day: Date) { game(id: $id) { home { entity { id sport name kind rating(asOf: $day) { rating } } rating { rating } } }
          leaderboard(sport: "EPL", first: 1) { edges { node { entityId entity { id kind } } } } }`,
        { id: seed.firstGameId, day: seed.firstDay },
      ),
    );
    const entity = game.home.entity;
    expect(entity).toMatchObject({ sport: "NHL", kind: "TEAM" });
    expect(entity.name).toBe(`Team ${entity.id}`);
    // On the game day its rating is the game's pre-game rating.
    expect(entity.rating.rating).toBe((game.home as unknown as { rating: { rating: string } }).rating.rating);
    const top = leaderboard.edges[0]!.node;
    expect(top.entity).toEqual({ id: top.entityId, kind: "TEAM" });
  });
});

describe("odds", () => {
  test("pages a game's prices, filtered by bookmaker and market", async () => {
    const q = `query ($id: ID!, $b: String, $m: String) { odds(gameId: $id, bookmaker: $b, market: $m, first: 50) {
      totalCount edges { node { bookmaker market outcome price game { id } } } } }`;
    const all = dataOf(
      await h.gql<{ odds: Edges<{ bookmaker: string; game: { id: string } }> }>(q, { id: seed.firstGameId }),
    ).odds;
    expect(all.totalCount).toBe(6);
    expect(all.edges.every((e) => e.node.game.id === seed.firstGameId)).toBe(true);
    const one = dataOf(
      await h.gql<{ odds: Edges<unknown> }>(q, { id: seed.firstGameId, b: "betmgm", m: "h2h" }),
    ).odds;
    expect(one.totalCount).toBe(2);
  });

  test("gives each market's price history newest first, and the price at a time", async () => {
    type Q = { price: string; quotedAt: string };
    type O = { lastUpdate: string; price: string; history: Q[]; at: Q[] };
    const q = `query ($id: ID!, $t: DateTime!) { odds(gameId: $id, first: 50) { edges { node {
      lastUpdate price history { price quotedAt } at: history(before: $t, last: 1) { price quotedAt } } } } }`;
    const first = dataOf(
      await h.gql<{ odds: Edges<O> }>(q, { id: seed.firstGameId, t: "2000-01-01T00:00:00Z" }),
    ).odds.edges[0]!.node;
    // Two quotes a market (the seed's opening a day before, then the current price), newest first.
    expect(first.history.map((x) => x.quotedAt)).toEqual([
      first.lastUpdate,
      new Date(Date.parse(first.lastUpdate) - 86_400_000).toISOString(),
    ]);
    expect(first.history[0]!.price).toBe(first.price);
    expect(first.at).toEqual([]);
    // An hour before the current price, the price in force was the opening one.
    const t = new Date(Date.parse(first.lastUpdate) - 3_600_000).toISOString();
    const atT = dataOf(await h.gql<{ odds: Edges<O> }>(q, { id: seed.firstGameId, t })).odds.edges[0]!.node
      .at;
    expect(atT).toEqual([first.history[1]]);
    const bad = await h.gql(
      `query ($id: ID!) { odds(gameId: $id) { edges { node { history(last: 101) { id } } } } }`,
      {
        id: seed.firstGameId,
      },
    );
    expect(JSON.stringify(bad.body.errors)).toContain("must be between 0 and 100");
  });
});

describe("eloRatings and leaderboard", () => {
  test("eloRatings gives an entity's history, or the rows in force on a day", async () => {
    type R = {
      entityId: string;
      rating: string;
      validFrom: string;
      validTo: string | null;
      history: { validFrom: string }[];
    };
    const q = `query ($s: String!, $e: String, $d: Date) { eloRatings(sport: $s, entityId: $e, asOf: $d, first: 100) {
      totalCount edges { node { entityId rating validFrom validTo history(limit: 5) { validFrom } } } } }`;
    const history = dataOf(await h.gql<{ eloRatings: Edges<R> }>(q, { s: "NHL", e: "HAT" })).eloRatings;
    expect(history.totalCount).toBe(2);
    expect(history.edges[0]!.node.validTo).toBeNull();
    expect(history.edges[0]!.node.history.map((r) => r.validFrom)).toEqual([
      history.edges[1]!.node.validFrom,
    ]);
    const onDay = dataOf(
      await h.gql<{ eloRatings: Edges<R> }>(q, { s: "NHL", d: dayAfter(seed.firstDay, -1) }),
    ).eloRatings;
    expect(onDay.totalCount).toBe(8);
    expect(onDay.edges.every((e) => e.node.validTo === seed.firstDay)).toBe(true);
  });

  test("leaderboard ranks current ratings, highest first", async () => {
    const { leaderboard } = dataOf(
      await h.gql<{ leaderboard: Edges<{ rating: string; validTo: string | null }> }>(
        `{ leaderboard(sport: "EPL", first: 20) { totalCount edges { node { entityId rating validTo } } } }`,
      ),
    );
    expect(leaderboard.totalCount).toBe(8);
    const values = leaderboard.edges.map((e) => Number(e.node.rating));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(leaderboard.edges.every((e) => e.node.validTo === null)).toBe(true);
  });
});

describe("recommendations, placedBets, portfolio, pipelineRuns, jobs", () => {
  test("recommendations by sport, status and day", async () => {
    const { recommendations } = dataOf(
      await h.gql<{ recommendations: Edges<{ sport: string; status: string; generatedAt: string }> }>(
        `query ($d: Date) { recommendations(sport: "NHL", status: "active", date: $d, first: 50) {
          totalCount edges { node { sport status generatedAt confidence game { id } } } } }`,
        { d: seed.lastDay },
      ),
    );
    expect(recommendations.totalCount).toBe(4);
    expect(recommendations.edges.every((e) => e.node.generatedAt.startsWith(seed.lastDay))).toBe(true);
  });

  test("placedBets by status, bookmaker and time window", async () => {
    const q = `query ($s: String, $b: String, $from: DateTime, $to: DateTime) {
      placedBets(status: $s, bookmaker: $b, from: $from, to: $to, first: 100) { totalCount edges { node { id status bookmaker placedAt result } } } }`;
    const pending = dataOf(
      await h.gql<{ placedBets: Edges<{ status: string }> }>(q, { s: "pending" }),
    ).placedBets;
    expect(pending.totalCount).toBe(8);
    const window = dataOf(
      await h.gql<{ placedBets: Edges<{ bookmaker: string; placedAt: string }> }>(q, {
        b: "kalshi",
        from: `${seed.firstDay}T00:00:00Z`,
        to: `${dayAfter(seed.firstDay, 1)}T00:00:00Z`,
      }),
    ).placedBets;
    expect(window.totalCount).toBe(4);
    expect(
      window.edges.every((e) => e.node.bookmaker === "kalshi" && e.node.placedAt.startsWith(seed.firstDay)),
    ).toBe(true);
  });

  test("portfolio gives snapshots in a window and the current state from the bets", async () => {
    const { portfolio } = dataOf(
      await h.gql<{
        portfolio: {
          snapshots: Edges<{ totalValue: string }>;
          current: {
            openBets: number;
            openStake: string;
            settledBets: number;
            realizedPnl: string;
            latestSnapshot: { totalValue: string };
          };
        };
      }>(
        `query ($from: DateTime, $to: DateTime) { portfolio(from: $from, to: $to) {
          snapshots(first: 100) { totalCount edges { node { snapshotTime totalValue } } }
          current { openBets openStake openPotentialPayout settledBets realizedPnl latestSnapshot { totalValue snapshotTime } } } }`,
        { from: `${seed.firstDay}T00:00:00Z`, to: `${seed.firstDay}T12:00:00Z` },
      ),
    );
    expect(portfolio.snapshots.totalCount).toBe(12);
    expect(portfolio.snapshots.edges[0]!.node.totalValue).toBe("1000.00");
    expect(portfolio.current.openBets).toBe(8);
    expect(portfolio.current.settledBets).toBe(seed.bets - 8);
    expect(portfolio.current.latestSnapshot.totalValue).toBe((1000 + 47 * 1.25).toFixed(2));
    // Exact decimal sum of the seeded pending stakes: 4 games per league at 10, 15, 20, 25.
    expect(portfolio.current.openStake).toBe("140.00");
  });

  test("pipelineRuns by sport, date and status", async () => {
    const { pipelineRuns } = dataOf(
      await h.gql<{ pipelineRuns: Edges<{ sport: string; runDate: string; step: string; job: null }> }>(
        `query ($d: Date) { pipelineRuns(sport: "EPL", date: $d, status: "succeeded", first: 50) {
          totalCount edges { node { id sport runDate step status job { id } } } } }`,
        { d: seed.firstDay },
      ),
    );
    expect(pipelineRuns.totalCount).toBe(4);
    expect(
      pipelineRuns.edges.every(
        (e) => e.node.sport === "EPL" && e.node.runDate === seed.firstDay && e.node.job === null,
      ),
    ).toBe(true);
  });

  test("job and jobs read graphile-worker's queue; unknown ids are null; bad ids are argument errors", async () => {
    const { rows } = await h.api.pool.query<{ id: string }>(
      "SELECT (graphile_worker.add_job('probe', '{}'::json, run_at => now() + interval '1 day')).id::text AS id",
    );
    const id = rows[0]!.id;
    const { job, jobs } = dataOf(
      await h.gql<{ job: { id: string; taskIdentifier: string; state: string }; jobs: unknown[] }>(
        `query ($id: ID!, $ids: [ID!]!) { job(id: $id) { id taskIdentifier state attempts maxAttempts runAt } jobs(ids: $ids) { id } }`,
        { id, ids: [id, "999999"] },
      ),
    );
    expect(job).toMatchObject({ id, taskIdentifier: "probe", state: "QUEUED" });
    expect(jobs).toEqual([{ id }, null]);
    const bad = await h.gql(`{ job(id: "1; DROP TABLE x") { id } }`);
    expect(bad.body.errors?.[0]?.extensions?.argument).toBe("id");
  });
});
