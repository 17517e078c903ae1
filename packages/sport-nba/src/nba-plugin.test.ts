import { entityIdFromName, sportView } from "@edgeline/sdk";
import { readRecording, recording } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { nbaPlugin } from "./nba-plugin.ts";

const oddsFile = recording(
  "the-odds-api",
  "odds-basketball_nba-us-decimal-h2h-spreads-totals-2024-02-24-trimmed.json",
);

const nba = sportView(nbaPlugin);

describe("NBA entity catalog, as the odds sources read it", () => {
  it.skipIf(!oddsFile.present)("maps the teams of a recorded The Odds API event", () => {
    const [event] = readRecording(oddsFile.file) as { home_team: string; away_team: string }[];
    expect([event?.away_team, event?.home_team].map((n) => entityIdFromName(nba, n ?? ""))).toEqual([
      "TOR",
      "ATL",
    ]);
  });

  it("maps SBR's squashed names", () => {
    const id = (name: string) => nba.entities.idFromCode("sbr", name) ?? nba.entities.idFromPlacePrefix(name);
    const squashed = ["GoldenState", "LAClippers", "LALakers", "NewYork", "Brooklyn", "OklahomaCity"];
    expect(squashed.map(id)).toEqual(["GSW", "LAC", "LAL", "NYK", "BKN", "OKC"]);
  });
});
