// Where each NBA team plays its home games, season by season, for the Elo model's travel term.
// City-level coordinates (the arena's city, a few miles at most off the arena): the travel term
// takes the cube root of a trip's miles, so a few miles change nothing. A franchise keeps its id
// across moves (nba-teams.ts), so its location changes here with the season it moved.
import type { GeoPoint, VenueLocation } from "@edgeline/sdk";

/** A home city from a season on (season = the year it starts: 2008 = 2008-09). */
export interface ArenaSpell extends GeoPoint {
  fromSeason: number;
  city: string;
}

/**
 * Home cities by team id, oldest first. Known from the 2000-01 season (or the franchise's arrival
 * in its city, if later): an earlier season has no known location.
 */
export const NBA_ARENAS: Readonly<Record<string, readonly ArenaSpell[]>> = {
  ATL: [{ fromSeason: 2000, city: "Atlanta", lat: 33.757, lon: -84.396 }],
  BOS: [{ fromSeason: 2000, city: "Boston", lat: 42.366, lon: -71.062 }],
  BKN: [
    { fromSeason: 2000, city: "East Rutherford", lat: 40.812, lon: -74.074 },
    { fromSeason: 2010, city: "Newark", lat: 40.734, lon: -74.171 },
    { fromSeason: 2012, city: "Brooklyn", lat: 40.683, lon: -73.976 },
  ],
  // The Bobcats from 2004 (the Hornets name from 2014); the earlier Charlotte Hornets are NOP's.
  CHA: [{ fromSeason: 2004, city: "Charlotte", lat: 35.225, lon: -80.839 }],
  CHI: [{ fromSeason: 2000, city: "Chicago", lat: 41.881, lon: -87.674 }],
  CLE: [{ fromSeason: 2000, city: "Cleveland", lat: 41.496, lon: -81.688 }],
  DAL: [{ fromSeason: 2000, city: "Dallas", lat: 32.79, lon: -96.81 }],
  DEN: [{ fromSeason: 2000, city: "Denver", lat: 39.749, lon: -105.008 }],
  DET: [
    { fromSeason: 2000, city: "Auburn Hills", lat: 42.697, lon: -83.245 },
    { fromSeason: 2017, city: "Detroit", lat: 42.341, lon: -83.055 },
  ],
  GSW: [
    { fromSeason: 2000, city: "Oakland", lat: 37.75, lon: -122.203 },
    { fromSeason: 2019, city: "San Francisco", lat: 37.768, lon: -122.388 },
  ],
  HOU: [{ fromSeason: 2000, city: "Houston", lat: 29.751, lon: -95.362 }],
  IND: [{ fromSeason: 2000, city: "Indianapolis", lat: 39.764, lon: -86.155 }],
  LAC: [
    { fromSeason: 2000, city: "Los Angeles", lat: 34.043, lon: -118.267 },
    { fromSeason: 2024, city: "Inglewood", lat: 33.945, lon: -118.343 },
  ],
  LAL: [{ fromSeason: 2000, city: "Los Angeles", lat: 34.043, lon: -118.267 }],
  MEM: [
    { fromSeason: 2000, city: "Vancouver", lat: 49.278, lon: -123.109 },
    { fromSeason: 2001, city: "Memphis", lat: 35.138, lon: -90.051 },
  ],
  MIA: [{ fromSeason: 2000, city: "Miami", lat: 25.781, lon: -80.188 }],
  MIL: [{ fromSeason: 2000, city: "Milwaukee", lat: 43.045, lon: -87.917 }],
  MIN: [{ fromSeason: 2000, city: "Minneapolis", lat: 44.979, lon: -93.276 }],
  // The New Orleans Hornets from 2002, in Oklahoma City after Hurricane Katrina (2005-07).
  NOP: [
    { fromSeason: 2002, city: "New Orleans", lat: 29.949, lon: -90.082 },
    { fromSeason: 2005, city: "Oklahoma City", lat: 35.463, lon: -97.515 },
    { fromSeason: 2007, city: "New Orleans", lat: 29.949, lon: -90.082 },
  ],
  NYK: [{ fromSeason: 2000, city: "New York", lat: 40.751, lon: -73.993 }],
  OKC: [
    { fromSeason: 2000, city: "Seattle", lat: 47.622, lon: -122.354 },
    { fromSeason: 2008, city: "Oklahoma City", lat: 35.463, lon: -97.515 },
  ],
  ORL: [{ fromSeason: 2000, city: "Orlando", lat: 28.539, lon: -81.384 }],
  PHI: [{ fromSeason: 2000, city: "Philadelphia", lat: 39.901, lon: -75.172 }],
  PHX: [{ fromSeason: 2000, city: "Phoenix", lat: 33.446, lon: -112.071 }],
  POR: [{ fromSeason: 2000, city: "Portland", lat: 45.532, lon: -122.667 }],
  SAC: [{ fromSeason: 2000, city: "Sacramento", lat: 38.58, lon: -121.5 }],
  SAS: [{ fromSeason: 2000, city: "San Antonio", lat: 29.427, lon: -98.438 }],
  TOR: [{ fromSeason: 2000, city: "Toronto", lat: 43.643, lon: -79.379 }],
  UTA: [{ fromSeason: 2000, city: "Salt Lake City", lat: 40.768, lon: -111.901 }],
  WAS: [{ fromSeason: 2000, city: "Washington", lat: 38.898, lon: -77.021 }],
};

/** The sport plugin's `venueLocation`: the home city of `teamId` in `season`, or null when not known. */
export const nbaVenueLocation: VenueLocation = (teamId, season) => {
  const spell = NBA_ARENAS[teamId]?.findLast((s) => s.fromSeason <= season);
  return spell ? { lat: spell.lat, lon: spell.lon } : null;
};
