import { sportPluginSchema } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { NBA_ARENAS, nbaVenueLocation } from "./nba-arenas.ts";
import { nbaPlugin } from "./nba-plugin.ts";
import { NBA_TEAMS } from "./nba-teams.ts";

describe("NBA home cities by season", () => {
  it("knows every team of the catalog for every season of the SBR archive (2007-18) and since", () => {
    expect(Object.keys(NBA_ARENAS).sort()).toEqual(NBA_TEAMS.map((t) => t.id).sort());
    for (const t of NBA_TEAMS)
      for (let season = 2007; season <= 2025; season++) expect(nbaVenueLocation(t.id, season)).not.toBeNull();
  });

  it("lists each team's spells oldest first, in North America", () => {
    for (const [id, spells] of Object.entries(NBA_ARENAS)) {
      const from = spells.map((s) => s.fromSeason);
      expect(from, id).toEqual([...from].sort((a, b) => a - b));
      expect(new Set(from).size, id).toBe(from.length);
      for (const s of spells) {
        expect(s.lat, id).toBeGreaterThan(25);
        expect(s.lat, id).toBeLessThan(50);
        expect(s.lon, id).toBeGreaterThan(-124);
        expect(s.lon, id).toBeLessThan(-71);
      }
    }
  });

  it("moves a franchise with its relocation's season", () => {
    const okc = { lat: 35.463, lon: -97.515 };
    expect(nbaVenueLocation("OKC", 2007)).toEqual({ lat: 47.622, lon: -122.354 }); // Seattle, 2007-08
    expect(nbaVenueLocation("OKC", 2008)).toEqual(okc);
    expect(nbaVenueLocation("BKN", 2011)).toEqual({ lat: 40.734, lon: -74.171 }); // Newark
    expect(nbaVenueLocation("BKN", 2012)).toEqual({ lat: 40.683, lon: -73.976 });
    expect(nbaVenueLocation("NOP", 2006)).toEqual(okc); // after Katrina
    expect(nbaVenueLocation("NOP", 2007)).toEqual({ lat: 29.949, lon: -90.082 });
    expect(nbaVenueLocation("DET", 2016)).not.toEqual(nbaVenueLocation("DET", 2017));
  });

  it("answers null where it does not know: before the data starts, an unknown team", () => {
    expect(nbaVenueLocation("CHA", 2003)).toBeNull();
    expect(nbaVenueLocation("ATL", 1999)).toBeNull();
    expect(nbaVenueLocation("XYZ", 2010)).toBeNull();
  });

  it("is the plugin's venueLocation, which the contract accepts", () => {
    expect(nbaPlugin.venueLocation).toBe(nbaVenueLocation);
    expect(sportPluginSchema.safeParse(nbaPlugin).success).toBe(true);
    expect(sportPluginSchema.safeParse({ ...nbaPlugin, venueLocation: { ATL: [] } }).success).toBe(false);
  });
});
