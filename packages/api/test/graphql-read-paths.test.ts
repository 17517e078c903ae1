// The two read paths give the same responses: every query the API tests and the benchmark ask,
// and the corner cases of paging, filters and nulls, sent to the server with the SQL compiler
// (one statement) and to the same server with it off (the Pothos/Prisma resolvers), on one seeded
// database. Responses must match byte for byte (same keys in the same order), and the compiled
// side must really have been compiled (at most one statement), not fallen back.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startSeededHarness } from "./graphql-harness.ts";
import { dayAfter, type SeedSummary } from "./graphql-seed.ts";

let h: Harness;
let seed: SeedSummary;
let jobId: string;

/** Rows the regular seed never has: missing ids and names, NULL timestamps, microseconds, a sport no plugin provides. */
async function seedCornerCases(h: Harness): Promise<void> {
  await h.api.pool.query(`
    INSERT INTO unified_games (game_id, sport, game_date, status, home_team_id, home_team_name, away_team_id, away_team_name, commence_time)
    VALUES ('NHL-20251003-XXX-HAT', 'NHL', '2025-10-03', 'Scheduled', 'HAT', 'Team HAT', NULL, NULL, NULL),
           ('NHL-20251003-HBT-YYY', 'NHL', '2025-10-03', NULL, '', 'nameless', 'HBT', 'Team HBT', NULL),
           ('CRICKET-20251002-A-B', 'CRICKET', '2025-10-02', 'Final', 'A', 'Team A', 'B', 'Team B', '2025-10-02 10:00:00.123456+00');
    INSERT INTO elo_ratings (sport, entity_id, entity_name, rating, valid_from) VALUES
           ('CRICKET', 'A', 'Team A', 1500, '2025-09-01'), ('CRICKET', 'B', 'Team B', 1450, '2025-09-01');
    INSERT INTO game_odds (odds_id, game_id, bookmaker, market_name, outcome_name, price, line, last_update)
    VALUES ('x:1', 'NHL-20251003-XXX-HAT', 'fanduel', 'spread', 'home', 1.9, -1.5, NULL),
           ('x:2', 'NHL-20251003-XXX-HAT', 'fanduel', 'spread', 'away', 1.95, 1.5, '2025-10-02 08:00:00.999999+00');
    INSERT INTO placed_bets (bet_id, game_id, market_id, bookmaker, outcome, stake, odds, status, placed_time_utc)
    VALUES ('bet-untimed-1', NULL, 'm', 'kalshi', 'YES', 5, 2, 'pending', NULL),
           ('bet-untimed-2', 'NHL-20251003-XXX-HAT', 'm', 'kalshi', 'NO', 5, 2, NULL, NULL);
    INSERT INTO pipeline_runs (dag, sport, step, run_date, status, job_key)
    VALUES ('multi_sport_betting_workflow', 'NHL', 'probe', '2025-10-05', 'queued', 'probe-key'),
           ('multi_sport_betting_workflow', 'NHL', 'probe', '2025-10-05', 'queued', '');`);
  const { rows } = await h.api.pool.query<{ id: string }>(
    "SELECT (graphile_worker.add_job('probe', '{}'::json, job_key => 'probe-key', run_at => now() + interval '1 day')).id::text AS id",
  );
  jobId = rows[0]!.id;
}

beforeAll(async () => {
  ({ h, seed } = await startSeededHarness(
    { days: 10, teams: 8, bookmakers: 3, snapshots: 60 },
    { config: { keyCacheTtlMs: 3_600_000 } },
  ));
  await seedCornerCases(h);
  dataOf(await h.gql("{ __typename }")); // the read key, verified and cached: not counted below
});
afterAll(() => h?.close());

const c = (value: string) => Buffer.from(`GPC:${value}`).toString("base64");

const GAME = `id sport date season status commenceTime venue
  home { entityId name score entity { id sport name kind rating { rating } } rating { id rating validFrom validTo gamesPlayed } }
  away { entityId name score entity { kind rating(asOf: "2025-10-05") { rating validFrom } } rating { rating } }
  modelProbabilities { home away draw homeRating awayRating __typename }
  odds { id gameId bookmaker market outcome price line lastUpdate isPregame externalId }
  recommendations { id sport gameId marketId type side confidence edge recommendedStake expectedValue generatedAt expiresAt status }
  bets { id gameId marketId marketTitle bookmaker outcome stake odds openingOdds potentialPayout status result placedAt marketCloseTime createdAt }`;

/** Lighter, for pages of many games (the cost limit counts every field). */
const GAME_ROW = "id date commenceTime home { name } modelProbabilities { home }";

/** With edges of their own: the cost limit allows less. */
const PAGE_LITE = "totalCount pageInfo { hasNextPage endCursor }";

const PAGE =
  "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }";

/** [name, query, variables]: every one must compile (one statement) and match the resolvers. */
const cases = (): [string, string, Record<string, unknown>?][] => [
  [
    "sports",
    "{ sports { code name entityKind timeZone eloPreset markets { type ways __typename } __typename } __typename }",
  ],
  [
    "games filtered",
    `query ($s: String, $f: Date, $t: Date, $st: String, $tm: String) {
    games(sport: $s, from: $f, to: $t, status: $st, team: $tm, first: 100) { ${PAGE} } }`,
    { s: "NHL", f: dayAfter(seed.firstDay, 2), t: dayAfter(seed.firstDay, 4) },
  ],
  [
    "games of a team",
    `{ games(sport: "NHL", team: "HAT", first: 5) { totalCount edges { node { ${GAME} } } } }`,
  ],
  ["games scheduled", `{ games(status: "Scheduled", first: 100) { totalCount edges { node { id date } } } }`],
  ["games: empty filters filter nothing", `{ games(sport: "", status: "", team: "", first: 3) { ${PAGE} } }`],
  ["games: lower-case sport", `{ games(sport: "epl", first: 5) { totalCount edges { node { id sport } } } }`],
  ["games: full page", `{ games(first: 100) { totalCount edges { cursor node { ${GAME_ROW} } } } }`],
  ["games: default page", `{ games { ${PAGE} } }`],
  ["games: first 0", `{ games(first: 0) { ${PAGE} } }`],
  [
    "games: after a cursor",
    `query ($a: String) { games(first: 7, after: $a) { ${PAGE} } }`,
    { a: c("S:NHL-20251003-XXX-HAT") },
  ],
  [
    "games: after a NULL-commence cursor",
    `{ games(first: 4, after: "${c("S:NHL-20251003-HBT-YYY")}") { ${PAGE} } }`,
  ],
  ["games: after an unknown cursor", `{ games(first: 4, after: "${c("S:nope")}") { ${PAGE} } }`],
  ["games: last", `{ games(last: 5) { ${PAGE} } }`],
  ["games: last before", `{ games(last: 3, before: "${c("S:NHL-20251003-XXX-HAT")}") { ${PAGE} } }`],
  ["games: first and last", `{ games(first: 2, last: 4) { ${PAGE} } }`],
  ["game in full", `query ($id: ID!) { game(id: $id) { ${GAME} } }`, { id: seed.firstGameId }],
  ["game of an unknown sport", `{ game(id: "CRICKET-20251002-A-B") { ${GAME} } }`],
  [
    "game without ids",
    `{ a: game(id: "NHL-20251003-XXX-HAT") { ${GAME} } b: game(id: "NHL-20251003-HBT-YYY") { ${GAME} } }`,
  ],
  ["game of a draw sport", `{ game(id: "EPL-20251001-SET-SAT") { modelProbabilities { draw home away } } }`],
  ["game unknown", `{ game(id: "NOPE") { id } }`],
  [
    "game with filtered odds",
    `query ($id: ID!) { game(id: $id) { f: odds(bookmaker: "fanduel") { bookmaker price } m: odds(market: "h2h", bookmaker: "") { id } } }`,
    { id: seed.firstGameId },
  ],
  [
    "aliases, fragments, @skip and @include",
    `query ($yes: Boolean!) { g: games(first: 3) { ...page e2: edges @include(if: $yes) { node { id ...sides } } skipped: totalCount @skip(if: $yes) } }
     fragment page on GameConnection { totalCount __typename edges { __typename cursor node { __typename id } } }
     fragment sides on Game { home { ... on GameSide { name } } away { name } }`,
    { yes: true },
  ],
  [
    "odds of a game",
    `query ($id: ID!, $b: String, $m: String) { odds(gameId: $id, bookmaker: $b, market: $m, first: 50) {
     ${PAGE_LITE} edges { node { bookmaker market outcome price game { id status } } } } }`,
    { id: seed.firstGameId },
  ],
  [
    "odds filtered",
    `query ($id: ID!) { odds(gameId: $id, bookmaker: "betmgm", market: "h2h", first: 1) { ${PAGE} } }`,
    { id: seed.firstGameId },
  ],
  [
    "odds with NULL updates",
    `{ odds(gameId: "NHL-20251003-XXX-HAT", first: 1) { ${PAGE_LITE} edges { node { line lastUpdate } } } }`,
  ],
  [
    "odds with their price history",
    `query ($id: ID!) { game(id: $id) { odds { id history { id source bookmaker market outcome line price quotedAt fetchedAt lastSeenAt } } } }`,
    { id: seed.firstGameId },
  ],
  [
    "the price at a time and an empty history",
    `query ($id: ID!) { odds(gameId: $id, first: 3) { edges { node { lastUpdate at: history(before: "${new Date(Date.parse(`${seed.firstDay}T00:00:00Z`)).toISOString()}", last: 1) { price quotedAt } none: history(last: 0) { id } } } } }`,
    { id: seed.firstGameId },
  ],
  [
    "eloRatings history",
    `{ eloRatings(sport: "NHL", entityId: "HAT", first: 100) { ${PAGE_LITE} edges { node { entityId rating validFrom validTo history(limit: 5) { validFrom } } } } }`,
  ],
  [
    "eloRatings on a day",
    `{ eloRatings(sport: "nhl", asOf: "2025-09-30", first: 100) { totalCount edges { node { id entityName gamesPlayed entity { id kind name } } } } }`,
  ],
  ["eloRatings paged", `{ eloRatings(sport: "NHL", first: 3, after: "${c("N:3")}") { ${PAGE} } }`],
  [
    "leaderboard",
    `{ leaderboard(sport: "EPL", first: 20) { ${PAGE_LITE} edges { node { entityId rating validTo history { rating } entity { id kind } } } } }`,
  ],
  [
    "leaderboard on a day, backwards",
    `{ leaderboard(sport: "EPL", asOf: "2025-10-03", last: 3) { ${PAGE} } }`,
  ],
  [
    "recommendations",
    `query ($d: Date) { recommendations(sport: "NHL", status: "active", date: $d, first: 50) {
     ${PAGE_LITE} edges { node { sport status generatedAt confidence game { id odds { price } } } } } }`,
    { d: seed.lastDay },
  ],
  [
    "recommendations paged",
    `{ recommendations(first: 5, after: "${c("N:10")}") { ${PAGE_LITE} edges { node { id side edge recommendedStake } } } }`,
  ],
  [
    "placedBets",
    `{ placedBets(first: 100) { totalCount edges { node { id status bookmaker placedAt result stake game { id status } } } } }`,
  ],
  [
    "placedBets by status",
    `{ placedBets(status: "pending", first: 100) { totalCount edges { node { id } } } }`,
  ],
  [
    "placedBets in a window",
    `query ($f: DateTime, $t: DateTime) { placedBets(bookmaker: "kalshi", from: $f, to: $t, first: 100) { ${PAGE} } }`,
    { f: `${seed.firstDay}T00:00:00Z`, t: `${dayAfter(seed.firstDay, 1)}T00:00:00Z` },
  ],
  [
    "placedBets past the NULL times",
    `{ placedBets(first: 3, after: "${c("S:bet-NHL-20251001-HCT-HAT")}") { ${PAGE} } }`,
  ],
  ["placedBets, the last page (NULL times last)", `{ placedBets(last: 4) { ${PAGE} } }`],
  ["placedBets backwards", `{ placedBets(last: 4, before: "${c("S:bet-untimed-2")}") { ${PAGE} } }`],
  [
    "portfolio snapshots",
    `query ($from: DateTime, $to: DateTime) { portfolio(from: $from, to: $to) {
     snapshots(first: 100) { ${PAGE_LITE} edges { node { id snapshotTime totalValue } } } } }`,
    { from: `${seed.firstDay}T00:00:00Z`, to: `${seed.firstDay}T12:00:00Z` },
  ],
  [
    "portfolio now",
    `{ portfolio { current { openBets openStake openPotentialPayout settledBets realizedPnl latestSnapshot { id totalValue snapshotTime } } } }`,
  ],
  ["portfolio snapshots backwards", `{ portfolio { snapshots(last: 5) { ${PAGE} } } }`],
  [
    "portfolio snapshot amounts",
    `{ portfolio { snapshots(first: 3) { edges { node { cashBalance investedAmount unrealizedPnl realizedPnl } } } } }`,
  ],
  [
    "pipelineRuns",
    `query ($d: Date) { pipelineRuns(sport: "EPL", date: $d, status: "succeeded", first: 50) {
     ${PAGE_LITE} edges { node { id dag sport runDate step status attempt jobKey queuedAt startedAt finishedAt rowsWritten error job { id } } } } }`,
    { d: seed.firstDay },
  ],
  [
    "pipelineRuns with a queued job",
    `{ pipelineRuns(date: "2025-10-05", first: 10) { edges { node { jobKey job { id taskIdentifier queueName key state attempts maxAttempts lastError runAt lockedAt } } } } }`,
  ],
  [
    "job and jobs",
    `query ($id: ID!, $ids: [ID!]!) { job(id: $id) { id taskIdentifier state attempts maxAttempts } jobs(ids: $ids) { id key } }`,
    { id: jobId, ids: [jobId, "999999"] },
  ],
  [
    "the GraphiQL examples' reads",
    `query GamesWithOdds($sport: String = "NHL", $from: Date = "2025-10-01", $to: Date = "2025-10-07") {
     games(sport: $sport, from: $from, to: $to, first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node {
       id date status home { entityId name score rating { rating } } away { entityId name score rating { rating } }
       modelProbabilities { home away draw } odds(market: "moneyline") { bookmaker outcome price lastUpdate } } } }
     leaderboard(sport: $sport, first: 10) { edges { node { entityId entityName rating validFrom history(limit: 5) { rating validFrom } } } }
     recommendations(date: $from, status: "active", first: 20) { edges { node { id sport side edge recommendedStake game { id } } } }
     placedBets(status: "pending", first: 20) { totalCount edges { node { id bookmaker stake odds } } }
     portfolio { current { openBets openStake realizedPnl latestSnapshot { totalValue snapshotTime } } } }`,
  ],
  [
    "the benchmark's filtered games",
    `{ games(sport: "NHL", team: "HAT", from: "2025-10-02", to: "2025-10-08", first: 20) { totalCount edges { node {
     id date status home { entityId name rating { rating } } away { entityId name rating { rating } } modelProbabilities { home away draw } } } } }`,
  ],
];

describe("compiled SQL and the resolvers answer alike", () => {
  test("every case", async () => {
    for (const [name, query, variables] of cases()) {
      let compiled: Awaited<ReturnType<Harness["gql"]>> | undefined;
      const statements = await h.statementsDuring(async () => {
        compiled = await h.gql(query, variables);
      });
      const resolvers = await h.gqlResolvers(query, variables);
      expect(() => dataOf(resolvers), name).not.toThrow();
      expect(compiled!.status, name).toBe(resolvers.status);
      expect(JSON.stringify(compiled!.body), name).toBe(JSON.stringify(resolvers.body));
      // Compiled: no statement (JS only) or one, the compiler's (the resolvers' would be Prisma's).
      expect(statements.length, `${name}: ${statements.join("\n")}`).toBeLessThanOrEqual(1);
      expect(
        statements.every((s) => s.startsWith("SELECT json_build_object(")),
        name,
      ).toBe(true);
    }
  });

  test("arguments the resolvers refuse get the resolvers' errors", async () => {
    for (const query of [
      "{ games(first: 101) { edges { cursor } } }",
      "{ games(first: -1) { totalCount } }",
      '{ games(from: "2025-10-05", to: "2025-10-01") { totalCount } }',
      '{ games(first: 1, before: "x") { totalCount } }',
      '{ games(after: "not a cursor") { edges { cursor } } }',
      `{ games(after: "${c("N:5")}") { edges { cursor } } }`,
      `{ placedBets(from: "2025-10-05T00:00:00Z", to: "2025-10-01T00:00:00Z") { totalCount } }`,
      '{ eloRatings(sport: "NHL", first: 1) { edges { node { history(limit: 500) { id } } } } }',
      '{ job(id: "1; DROP TABLE x") { id } }',
      '{ portfolio(from: "2025-10-05T00:00:00Z", to: "2025-10-01T00:00:00Z") { current { openBets } } }',
    ]) {
      const compiled = await h.gql(query);
      const resolvers = await h.gqlResolvers(query);
      expect(resolvers.body.errors ?? [], query).not.toHaveLength(0);
      expect(compiled.status, query).toBe(resolvers.status);
      expect(JSON.stringify(compiled.body), query).toBe(JSON.stringify(resolvers.body));
    }
  });

  test("a field the compiler does not cover falls back to the resolvers for the whole operation", async () => {
    // `__schema` is not a field the compiler knows: the operation runs on the resolvers.
    const query = `{ __schema { queryType { name } } games(first: 2) { totalCount } }`;
    const statements = await h.statementsDuring(async () => {
      expect(JSON.stringify((await h.gql(query)).body)).toBe(
        JSON.stringify((await h.gqlResolvers(query)).body),
      );
    });
    expect(statements.some((s) => s.includes('"public"."unified_games"'))).toBe(true);
  });
});
