import { describe, expect, it } from "vitest";
import { nhlPlugin } from "./nhl-plugin.ts";

describe("NHL odds mappings", () => {
  it("maps The Odds API names, with or without accents and periods", () => {
    const id = nhlPlugin.oddsApi.teamIdFromName;
    expect(
      ["Montreal Canadiens", "Montréal Canadiens", "St Louis Blues", "Utah Hockey Club"].map(id),
    ).toEqual(["MTL", "MTL", "STL", "UTA"]);
    expect(id("Hartford Whalers")).toBeUndefined();
  });

  it("maps SBR's squashed names and refuses an ambiguous one", () => {
    const id = nhlPlugin.sbr.teamIdFromName;
    expect(["NYRangers", "NYIslanders", "St.Louis", "LosAngeles", "TampaBay", "Vegas"].map(id)).toEqual([
      "NYR",
      "NYI",
      "STL",
      "LAK",
      "TBL",
      "VGK",
    ]);
    expect(id("NewYork")).toBeUndefined();
  });

  it("maps Kalshi codes equal to the tricodes", () => {
    expect(nhlPlugin.kalshi.teamIdFromCode("CHI")).toBe("CHI");
    expect(nhlPlugin.kalshi.teamIdFromCode("XYZ")).toBeUndefined();
  });
});
