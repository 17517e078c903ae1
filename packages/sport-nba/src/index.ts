// @edgeline/sport-nba: the NBA plugin (cdn.nba.com). Default export is what the registry loads.
import { nbaPlugin } from "./nba-plugin.ts";

export { mergeNbaGames, nbaScheduleDrafts, nbaScoreboardDrafts, nbaSeason, nbaStatus } from "./nba-games.ts";
export { nbaPlugin } from "./nba-plugin.ts";
export { nbaSchedulePayloadSchema, nbaScoreboardPayloadSchema } from "./nba-schemas.ts";
export { NBA_TEAMS } from "./nba-teams.ts";
export default nbaPlugin;
