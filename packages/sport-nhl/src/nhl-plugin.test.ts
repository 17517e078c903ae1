import { entityIdFromName, sportView } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { nhlPlugin } from "./nhl-plugin.ts";

const nhl = sportView(nhlPlugin);

describe("NHL entity catalog, as the odds sources read it", () => {
  it("maps The Odds API names, with or without accents and periods", () => {
    const id = (name: string) => entityIdFromName(nhl, name);
    expect(
      ["Montreal Canadiens", "Montréal Canadiens", "St Louis Blues", "Utah Hockey Club"].map(id),
    ).toEqual(["MTL", "MTL", "STL", "UTA"]);
    expect(id("Hartford Whalers")).toBeUndefined();
  });

  it("maps SBR's squashed names and refuses an ambiguous one", () => {
    const id = (name: string) => nhl.entities.idFromCode("sbr", name) ?? nhl.entities.idFromPlacePrefix(name);
    const squashed = ["NYRangers", "NYIslanders", "St.Louis", "LosAngeles", "TampaBay", "Vegas"];
    expect(squashed.map(id)).toEqual(["NYR", "NYI", "STL", "LAK", "TBL", "VGK"]);
    expect(id("NewYork")).toBeUndefined();
  });

  it("maps Kalshi codes equal to the tricodes", () => {
    expect(nhl.entities.idFromCode("kalshi", "CHI")).toBe("CHI");
    expect(nhl.entities.idFromCode("kalshi", "XYZ")).toBeUndefined();
  });

  it("tells each odds source where its markets are", () => {
    expect(nhlPlugin.sourceOptions).toEqual({
      kalshi: { series: ["KXNHLGAME"] },
      "the-odds-api": { sportKey: "icehockey_nhl" },
    });
  });
});
