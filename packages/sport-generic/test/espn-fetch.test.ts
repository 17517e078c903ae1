import type { FakeRoute, SportPlugin } from "@edgeline/sdk";
import { fakeRoutesOf, hasRecordedFixture, recordedUpstream } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import plugins from "../src/index.ts";

const plugin = (code: string): SportPlugin => plugins.find((p) => p.code === code)!;

/**
 * The recordings hold soccer as one soccer/all payload and tennis as one tournament event, not
 * per-league scoreboards by day. These routes serve them under the per-league URLs the plugins
 * call, and an empty scoreboard (as ESPN does) for days without a recording.
 */
const perLeagueRoutes: FakeRoute[] = [
  {
    name: "espn soccer per league",
    pattern: /^\/apis\/site\/v2\/sports\/soccer\/(eng\.1|fra\.1)\/scoreboard$/,
    async handle({ query }, { store }) {
      if (query.get("dates") !== "20260321") return { body: { events: [] } };
      return { body: await store.first("espn", "soccer-all-scoreboard-2026-03-21") };
    },
  },
  {
    name: "espn tennis atp",
    pattern: /^\/apis\/site\/v2\/sports\/tennis\/atp\/scoreboard$/,
    async handle({ query }, { store }) {
      const day = query.get("dates") ?? "";
      if (day < "20240726" || day > "20240805") return { body: { events: [] } };
      return { body: await store.first("espn", "tennis-atp-event-olympics-2024") };
    },
  },
];

const present = ["nfl-scoreboard-2022-09-11.json", "mlb-scoreboard-2022-09-17-trimmed.json"].every((f) =>
  hasRecordedFixture("espn", f),
);

describe.skipIf(!present)("ESPN sports: fetchGames over HTTP (fake upstream)", () => {
  const fake = recordedUpstream([...perLeagueRoutes, ...fakeRoutesOf(plugins)]);
  const context = () => fake.context(plugins);
  beforeAll(fake.start);
  afterAll(fake.close);
  const urls = () => fake.server.requests.map((r) => `${r.status} ${r.url}`);
  beforeEach(() => {
    fake.server.requests.length = 0;
  });

  it("NFL: one scoreboard call for the Eastern day", async () => {
    const games = await plugin("NFL").fetchGames({ from: "2022-09-11", to: "2022-09-11" }, context());
    expect(urls()).toEqual(["200 /apis/site/v2/sports/football/nfl/scoreboard?dates=20220911&limit=300"]);
    expect(games).toHaveLength(14);
    expect(games.filter((g) => g.status === "Final").map((g) => g.gameId)).toEqual(["NFL_20220911_NE_MIA"]);
  });

  it("MLB: finals, live and scheduled games", async () => {
    const games = await plugin("MLB").fetchGames({ from: "2022-09-17", to: "2022-09-17" }, context());
    expect(games.map((g) => [g.gameId, g.status])).toEqual([
      ["MLB_20220917_MIN_CLE", "Final"],
      ["MLB_20220917_CIN_STL", "Final"],
      ["MLB_20220917_BAL_TOR", "InProgress"],
      ["MLB_20220917_CHW_DET", "Scheduled"],
      ["MLB_20220917_TEX_TB", "Scheduled"],
    ]);
  });

  it("NCAAB: asks for all of Division I (groups=50)", async () => {
    const games = await plugin("NCAAB").fetchGames({ from: "2024-12-01", to: "2024-12-01" }, context());
    expect(urls()).toEqual([
      "200 /apis/site/v2/sports/basketball/mens-college-basketball/scoreboard?dates=20241201&limit=300&groups=50",
    ]);
    expect(games.map((g) => [g.gameId, g.awayScore, g.homeScore])).toEqual([
      ["NCAAB_20241201_SCST_XAV", 68, 71],
    ]);
  });

  it("EPL and LIGUE1: each league's games, the day around asked too (London/Paris days vs ESPN's Eastern)", async () => {
    const epl = await plugin("EPL").fetchGames({ from: "2026-03-21", to: "2026-03-21" }, context());
    expect(urls()).toEqual(
      ["20260320", "20260321", "20260322"].map(
        (d) => `200 /apis/site/v2/sports/soccer/eng.1/scoreboard?dates=${d}&limit=300`,
      ),
    );
    expect(epl.map((g) => [g.gameId, g.status])).toEqual([
      ["EPL_20260321_LIV_BHA", "Final"],
      ["EPL_20260321_CRY_MNC", "Postponed"],
      ["EPL_20260321_BUR_FUL", "Final"],
      ["EPL_20260321_CHE_EVE", "Final"],
      ["EPL_20260321_BRE_LEE", "Final"],
    ]);
    const ligue1 = await plugin("LIGUE1").fetchGames({ from: "2026-03-21", to: "2026-03-21" }, context());
    expect(ligue1.map((g) => g.gameId)).toEqual([
      "LIGUE1_20260321_LOR_TOU",
      "LIGUE1_20260321_BRE_AUX",
      "LIGUE1_20260321_PSG_NICE",
    ]);
  });

  it("TENNIS: the same tournament seen on several days yields each match once", async () => {
    const games = await plugin("TENNIS").fetchGames({ from: "2024-07-27", to: "2024-07-28" }, context());
    expect(fake.server.requests).toHaveLength(4);
    expect(games.map((g) => [g.gameId, g.status, g.awayScore, g.homeScore])).toEqual([
      ["TENNIS_20240727_CARLOS-ALCARAZ_HADY-HABIB", "Final", 2, 0],
      ["TENNIS_20240727_MATTHEW-EBDEN_NOVAK-DJOKOVIC", "Final", 0, 2],
      ["TENNIS_20240728_MAXIMILIAN-MARTERER_DUSAN-LAJOVIC", "InProgress", 1, 1],
    ]);
  });
});
