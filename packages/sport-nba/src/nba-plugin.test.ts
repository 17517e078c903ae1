import { describe, expect, it } from "vitest";
import { nbaPlugin } from "./nba-plugin.ts";
import { readRecording, recording } from "./recordings.test-helpers.ts";

const oddsFile = recording(
  "the-odds-api",
  "odds-basketball_nba-us-decimal-h2h-spreads-totals-2024-02-24-trimmed.json",
);

describe("NBA odds mappings", () => {
  it.skipIf(!oddsFile.present)("maps the teams of a recorded The Odds API event", () => {
    const [event] = readRecording(oddsFile.file) as { home_team: string; away_team: string }[];
    expect(
      [event?.away_team, event?.home_team].map((n) => nbaPlugin.oddsApi.teamIdFromName(n ?? "")),
    ).toEqual(["TOR", "ATL"]);
  });

  it("maps SBR's squashed names", () => {
    const id = nbaPlugin.sbr.teamIdFromName;
    expect(["GoldenState", "LAClippers", "LALakers", "NewYork", "Brooklyn", "OklahomaCity"].map(id)).toEqual([
      "GSW",
      "LAC",
      "LAL",
      "NYK",
      "BKN",
      "OKC",
    ]);
  });
});
