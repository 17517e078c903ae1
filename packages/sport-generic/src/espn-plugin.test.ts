import { entityIdFromName, type SportPlugin, sportView } from "@edgeline/sdk";
import { readRecording, recording } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import plugins from "./index.ts";

const plugin = (code: string): SportPlugin => plugins.find((p) => p.code === code)!;
const byName = (code: string, name: string) => entityIdFromName(sportView(plugin(code)), name);
const kalshiEvents = recording("kalshi", "events-KXNFLGAME-open-limit3.json");

describe("ESPN plugins", () => {
  it("are one per configured sport, with draws making the moneyline 3-way", () => {
    expect(plugins.map((p) => [p.code, p.markets[0]?.ways, p.entityKind])).toEqual([
      ["MLB", 2, "team"],
      ["NFL", 2, "team"],
      ["NCAAB", 2, "team"],
      ["EPL", 3, "team"],
      ["LIGUE1", 3, "team"],
      ["TENNIS", 2, "player"],
    ]);
  });

  it.skipIf(!kalshiEvents.present)("map the team codes of recorded Kalshi NFL tickers (JAC is JAX)", () => {
    const { events } = readRecording(kalshiEvents.file) as { events: { event_ticker: string }[] };
    const codes = events.map((e) => /^KXNFLGAME-\d{2}[A-Z]{3}\d{2}([A-Z]+)$/.exec(e.event_ticker)?.[1]);
    expect(codes).toEqual(["TBDAL", "PHIJAC", "CINMIA"]);
    const nfl = sportView(plugin("NFL")).entities;
    const id = (code: string) => nfl.idFromCode("kalshi", code);
    expect(["TB", "DAL", "PHI", "JAC", "CIN", "MIA"].map(id)).toEqual([
      "TB",
      "DAL",
      "PHI",
      "JAX",
      "CIN",
      "MIA",
    ]);
  });

  it("map The Odds API names; tennis players by normalised name", () => {
    expect(byName("EPL", "Brighton and Hove Albion")).toBe("BHA");
    expect(byName("LIGUE1", "Paris Saint Germain")).toBe("PSG");
    expect(byName("MLB", "Oakland Athletics")).toBe("OAK");
    expect(byName("TENNIS", "Dušan Lajović")).toBe("DUSAN-LAJOVIC");
    expect(plugin("TENNIS").sourceOptions?.["the-odds-api"]).toEqual({ sportKey: "tennis_atp_" });
  });
});
