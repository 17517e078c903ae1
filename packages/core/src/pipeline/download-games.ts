// download_games -> unified_games: the sport's schedule for the run's day, plus the day before so
// that yesterday's final scores are in before update_elo reads them.
import { addDays } from "@edgeline/sdk";
import { upsertGames } from "../repositories/games.ts";
import type { StepDefinition } from "./step.ts";

export const downloadGames: StepDefinition = {
  name: "download_games",
  async prepare(deps, { sport, date }) {
    const { plugin, context } = deps.plugins.sport(sport);
    const games = await plugin.fetchGames({ from: addDays(date, -1), to: date }, context);
    return (client) => upsertGames(client, games);
  },
};
