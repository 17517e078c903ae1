// @edgeline/sport-nhl: the NHL plugin (api-web.nhle.com). Default export is what the registry loads.
import { nhlPlugin } from "./nhl-plugin.ts";

export { nhlScheduleToGames, nhlStatus } from "./nhl-games.ts";
export { nhlPlugin } from "./nhl-plugin.ts";
export { type NhlSchedulePayload, nhlSchedulePayloadSchema } from "./nhl-schedule-schema.ts";
export { NHL_TEAMS } from "./nhl-teams.ts";
export default nhlPlugin;
