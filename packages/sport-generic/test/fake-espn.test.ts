import { hasRecordedFixture, recordedUpstreamFor } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { espnRoutes } from "../src/fake-espn.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake ESPN scoreboards over the recordings", () => {
  const { get } = recordedUpstreamFor({ beforeAll, afterAll, beforeEach }, espnRoutes);

  it("ESPN scoreboards by sport/league and dates=YYYYMMDD", async () => {
    const nfl = await get("/apis/site/v2/sports/football/nfl/scoreboard?dates=20220911");
    expect((nfl.body.events as unknown[]).length).toBe(16);
    const soccer = await get("/apis/site/v2/sports/soccer/all/scoreboard?dates=20260321");
    expect((soccer.body.events as unknown[]).length).toBe(8);
    expect((await get("/apis/site/v2/sports/football/nfl/scoreboard?dates=20220912")).status).toBe(404);
  });
});
