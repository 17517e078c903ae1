import { hasRecordedFixture, recordedUpstreamFor } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nbaRoutes } from "../src/fake-nba.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake cdn.nba.com over the recordings", () => {
  const { get } = recordedUpstreamFor({ beforeAll, afterAll, beforeEach }, nbaRoutes, {
    today: "2023-04-20",
  });

  it("NBA todaysScoreboard for the server's today, and the season schedule", async () => {
    const { body } = await get("/static/json/liveData/scoreboard/todaysScoreboard_00.json");
    expect((body.scoreboard as { gameDate: string }).gameDate).toBe("2023-04-20");
    const schedule = await get("/static/json/staticData/scheduleLeagueV2.json");
    expect((schedule.body.leagueSchedule as { seasonYear: string }).seasonYear).toBe("2025-26");
  });
});
