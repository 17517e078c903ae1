// @edgeline/sport-generic: ESPN-scoreboard sports (MLB, NFL, NCAAB, EPL, LIGUE1, TENNIS), one
// config entry each. The default export is the array of plugins the registry loads.
import { ESPN_LEAGUES } from "./espn-leagues.ts";
import { espnPlugin } from "./espn-plugin.ts";

export { MLB_TEAMS } from "./entities/mlb-teams.ts";
export { NFL_TEAMS } from "./entities/nfl-teams.ts";
export { EPL_TEAMS, LIGUE1_TEAMS } from "./entities/soccer-teams.ts";
export { espnGames, espnScoreboardDrafts } from "./espn-games.ts";
export type { EspnLeagueConfig } from "./espn-league-config.ts";
export { ESPN_LEAGUES } from "./espn-leagues.ts";
export { espnPlugin } from "./espn-plugin.ts";
export { espnScoreboardSchema } from "./espn-schemas.ts";
export { espnStatus } from "./espn-status.ts";

const plugins = ESPN_LEAGUES.map(espnPlugin);
export default plugins;
