// load_bets_db -> unified_games: final scores and statuses of yesterday's and today's games, read
// again at the end of the run. Only results are written, onto games the schedule step loaded.
import { addDays } from "@edgeline/sdk";
import { updateGameResults } from "../repositories/games.ts";
import type { StepDefinition } from "./step.ts";

export const loadBetsDb: StepDefinition = {
  name: "load_bets_db",
  async prepare(deps, { sport, date }) {
    const { plugin, context } = deps.plugins.sport(sport);
    const games = await plugin.fetchGames({ from: addDays(date, -1), to: date }, context);
    return (client) => updateGameResults(client, games);
  },
};
