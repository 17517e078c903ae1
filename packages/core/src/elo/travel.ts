// How far each side travelled to a game: the great-circle miles from the site of its previous game
// of the season to this game's site, the sites from the sport plugin's `venueLocation` (the home
// side's city that season). A schedule fact known before the game, computed like the rest days
// (schedule.ts) for the live steps and the backtest alike.
import type { GeoPoint, VenueLocation } from "@edgeline/sdk";
import { sincePreviousGame } from "./previous-game.ts";
import type { EloGame } from "./replay.ts";

const EARTH_RADIUS_MILES = 3958.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in statute miles (haversine, on a sphere of the Earth's mean radius). */
export function greatCircleMiles(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The games with `homeTravel`/`awayTravel`: miles from the side's previous played game of the same
 * season to this one. None where a site is unknown (a neutral site, a null location) and at a
 * side's first game of a season; an unplayed game (a postponement) is nobody's previous game.
 * Games in date order.
 */
export function withTravel(games: readonly EloGame[], venueLocation: VenueLocation): EloGame[] {
  const miles = sincePreviousGame(
    games,
    (g): GeoPoint | null => (g.neutral ? null : venueLocation(g.home, g.season)),
    (previous, site) => (previous && site ? greatCircleMiles(previous, site) : undefined),
  );
  return games.map((g, i) => {
    const { home, away } = miles[i]!;
    return {
      ...g,
      ...(home === undefined ? {} : { homeTravel: home }),
      ...(away === undefined ? {} : { awayTravel: away }),
    };
  });
}
