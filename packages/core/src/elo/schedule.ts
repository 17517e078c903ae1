// What the schedule tells a game's probability: days since each side's previous game, and the
// miles it travelled from it (travel.ts). Computed from the list of games itself (a schedule fact
// known before the game, never a result), the same way for the live steps and the backtest, so a
// model with schedule terms prices both alike.
import type { VenueLocation } from "@edgeline/sdk";
import { sincePreviousGame } from "./previous-game.ts";
import type { GameContext } from "./probability.ts";
import type { EloGame } from "./replay.ts";
import { withTravel } from "./travel.ts";

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * The games with `homeRest`/`awayRest`: days since the side's previous played game of the same
 * season (1 = the second night of a back-to-back). A side's first game of a season gets none; an
 * unplayed game (a postponement) is nobody's previous game. Games in date order.
 */
export function withRestDays(games: readonly EloGame[]): EloGame[] {
  const rest = sincePreviousGame(
    games,
    (g) => dayNumber(g.date),
    (previous, day) => day - previous,
  );
  return games.map((g, i) => {
    const { home, away } = rest[i]!;
    return {
      ...g,
      ...(home === undefined ? {} : { homeRest: home }),
      ...(away === undefined ? {} : { awayRest: away }),
    };
  });
}

/**
 * Everything the schedule tells, as every step and the backtest compute it: rest days, and travel
 * where the sport knows its venues (its plugin's `venueLocation`; without it, no travel).
 */
export function withSchedule(games: readonly EloGame[], venueLocation?: VenueLocation): EloGame[] {
  const rested = withRestDays(games);
  return venueLocation ? withTravel(rested, venueLocation) : rested;
}

/** The context of a game: site, playoffs, rest and travel (the probability's), its close (the update's). */
export function gameContext(g: EloGame): GameContext {
  const c: GameContext = { neutral: g.neutral, playoff: g.playoff };
  if (g.homeRest !== undefined) c.homeRest = g.homeRest;
  if (g.awayRest !== undefined) c.awayRest = g.awayRest;
  if (g.homeTravel !== undefined) c.homeTravel = g.homeTravel;
  if (g.awayTravel !== undefined) c.awayTravel = g.awayTravel;
  if (g.closingHome !== undefined) c.closingHome = g.closingHome;
  return c;
}
