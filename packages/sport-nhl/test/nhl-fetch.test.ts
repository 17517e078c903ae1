import { SourceError } from "@edgeline/sdk";
import { fakeRoutesOf, hasRecordedFixture, recordedUpstream } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import nhlPlugin from "../src/index.ts";

describe.skipIf(!hasRecordedFixture("nhl", "schedule-2025-10-07.json"))(
  "NHL fetchGames over HTTP (fake upstream)",
  () => {
    const fake = recordedUpstream(fakeRoutesOf([nhlPlugin]));
    const context = () => fake.context([nhlPlugin]);
    beforeAll(fake.start);
    afterAll(fake.close);
    beforeEach(() => {
      fake.server.clearFaults();
      fake.server.requests.length = 0;
    });

    it("fetches three days from one weekly schedule call", async () => {
      const games = await nhlPlugin.fetchGames({ from: "2025-10-07", to: "2025-10-09" }, context());
      expect(fake.server.requests.map((r) => r.url)).toEqual(["/v1/schedule/2025-10-07"]);
      expect(games).toHaveLength(21);
      expect(games.filter((g) => g.status === "Final").map((g) => g.gameId)).toEqual([
        "NHL_20251007_CHI_FLA",
        "NHL_20251007_PIT_NYR",
        "NHL_20251007_COL_LAK",
        "NHL_20251008_MTL_TOR",
        "NHL_20251008_BOS_WSH",
        "NHL_20251008_CGY_EDM",
        "NHL_20251008_LAK_VGK",
      ]);
      expect(games.find((g) => g.gameId === "NHL_20251008_LAK_VGK")).toMatchObject({
        awayScore: 6,
        homeScore: 5,
        venue: "T-Mobile Arena",
        // Decided in the shootout (gameOutcome.lastPeriodType "SO"): tied at the loser's score.
        regulationScore: { home: 5, away: 5 },
      });
    });

    it("fails naming source, URL and JSON path when the payload changes shape", async () => {
      fake.server.injectFault("/v1/schedule", {
        kind: "rename_field",
        from: "startTimeUTC",
        to: "startTime",
      });
      const error = await nhlPlugin
        .fetchGames({ from: "2025-10-07", to: "2025-10-07" }, context())
        .catch((e) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect(error).toMatchObject({
        source: "nhl",
        kind: "schema",
        url: `${fake.server.url}/v1/schedule/2025-10-07`,
        jsonPath: "gameWeek[0].games[0].startTimeUTC",
      });
    });
  },
);
