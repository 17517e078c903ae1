// @edgeline/sport-nba: the NBA plugin (cdn.nba.com). Default export is what the registry loads.
import { nbaPlugin } from "./nba-plugin.ts";

export { type ArenaSpell, NBA_ARENAS, nbaVenueLocation } from "./nba-arenas.ts";
export { mergeNbaGames, nbaScheduleDrafts, nbaScoreboardDrafts, nbaSeason } from "./nba-games.ts";
export { nbaPlugin } from "./nba-plugin.ts";
export { nbaSchedulePayloadSchema, nbaScoreboardPayloadSchema } from "./nba-schemas.ts";
export { nbaStatus } from "./nba-status.ts";
export { NBA_TEAMS } from "./nba-teams.ts";
export default nbaPlugin;
