import type { FakeRoute } from "../route.ts";
import { espnRoutes } from "./espn.ts";
import { kalshiRoutes } from "./kalshi.ts";
import { nbaRoutes } from "./nba.ts";
import { nhlRoutes } from "./nhl.ts";
import { oddsApiRoutes } from "./odds-api.ts";

export { espnSlug } from "./espn.ts";

/** Every upstream API the fake serves, in its real URL shape. */
export const defaultRoutes: FakeRoute[] = [
  ...nhlRoutes,
  ...nbaRoutes,
  ...espnRoutes,
  ...kalshiRoutes,
  ...oddsApiRoutes,
];
