export { addDaysIso, type DemoGame, demoGamesBetween, demoGamesOn } from "./demo-calendar.ts";
export { DEMO_LEAGUES, type DemoLeague, type DemoTeam } from "./demo-leagues.ts";
export {
  type DemoUpstreamOptions,
  type DemoUpstreamSummary,
  generateDemoUpstream,
} from "./generate-demo-upstream.ts";
