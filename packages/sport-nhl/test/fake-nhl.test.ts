import { hasRecordedFixture, recordedUpstreamFor } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nhlRoutes } from "../src/fake-nhl.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake api-web.nhle.com over the recordings", () => {
  const { get } = recordedUpstreamFor({ beforeAll, afterAll, beforeEach }, nhlRoutes);

  it("NHL schedule by date, 404 for a day with no payload", async () => {
    const { body } = await get("/v1/schedule/2025-10-07");
    const week = body.gameWeek as Array<{ date: string; games: Array<{ homeTeam: { abbrev: string } }> }>;
    expect(week[0]?.date).toBe("2025-10-07");
    expect(week[0]?.games.map((g) => g.homeTeam.abbrev)).toEqual(["FLA", "NYR", "LAK"]);
    const missing = await get("/v1/schedule/1999-01-01");
    expect(missing.status).toBe(404);
  });
});
