// Where each NBA team plays its home games, season by season, for the Elo model's travel term.
// City-level coordinates (the arena's city, a few miles at most off the arena): the travel term
// takes the cube root of a trip's miles, so a few miles change nothing. A franchise keeps its id
// across moves (nba-teams.ts), so its location changes here with the season it moved.
import type { GeoPoint, VenueLocation } from "@edgeline/sdk";
import { z } from "zod";
import arenas from "./nba-arenas.json" with { type: "json" };

/** A home city from a season on (season = the year it starts: 2008 = 2008-09). */
export interface ArenaSpell extends GeoPoint {
  fromSeason: number;
  city: string;
}

const arenaSpell = z.object({
  fromSeason: z.number().int(),
  city: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/**
 * Home cities by team id, oldest first (data in nba-arenas.json, checked when this loads). Known
 * from the 2000-01 season (or the franchise's arrival in its city, if later): an earlier season
 * has no known location. The Nets played in East Rutherford, then Newark (2010-12), then
 * Brooklyn; CHA is the Bobcats from 2004 (the Hornets name from 2014), while the earlier
 * Charlotte Hornets are NOP's, the New Orleans Hornets from 2002, in Oklahoma City after
 * Hurricane Katrina (2005-07); OKC is the Seattle SuperSonics until 2008.
 */
export const NBA_ARENAS: Readonly<Record<string, readonly ArenaSpell[]>> = z
  .record(z.string(), z.array(arenaSpell).min(1))
  .parse(arenas);

/** The sport plugin's `venueLocation`: the home city of `teamId` in `season`, or null when not known. */
export const nbaVenueLocation: VenueLocation = (teamId, season) => {
  const spell = NBA_ARENAS[teamId]?.findLast((s) => s.fromSeason <= season);
  return spell ? { lat: spell.lat, lon: spell.lon } : null;
};
