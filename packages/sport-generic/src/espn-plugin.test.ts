import type { SportPlugin } from "@edgeline/core";
import { describe, expect, it } from "vitest";
import plugins from "./index.ts";
import { readRecording, recording } from "./recordings.test-helpers.ts";

const plugin = (code: string): SportPlugin => plugins.find((p) => p.code === code)!;
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
    const id = plugin("NFL").kalshi!.teamIdFromCode;
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
    expect(plugin("EPL").oddsApi!.teamIdFromName("Brighton and Hove Albion")).toBe("BHA");
    expect(plugin("LIGUE1").oddsApi!.teamIdFromName("Paris Saint Germain")).toBe("PSG");
    expect(plugin("MLB").oddsApi!.teamIdFromName("Oakland Athletics")).toBe("OAK");
    expect(plugin("TENNIS").oddsApi!.teamIdFromName("Dušan Lajović")).toBe("DUSAN-LAJOVIC");
    expect(plugin("TENNIS").oddsApi!.sportKey).toBe("tennis_atp_");
  });
});
