// The seed's multi_sport_betting_workflow DAG and its hourly jobs, by name. Names are the seed's
// task names without the `{sport}_` prefix (the sport is a parameter here).

import { calendarDaySchema } from "@edgeline/sdk";
import { z } from "zod";

export const DAG_NAME = "multi_sport_betting_workflow";

/** Queue name of the hourly jobs and `dag` column of their pipeline_runs rows. */
export const HOURLY_DAG = "hourly";

/** The daily steps, in the order they run; each starts only after the one before succeeded. */
export const DAG_STEPS = [
  "download_games",
  "fetch_markets",
  "update_elo",
  "identify_bets",
  "place_bets",
  "load_bets_db",
] as const;
export type StepName = (typeof DAG_STEPS)[number];

/** The hourly jobs: not per sport; each runs once per UTC hour. */
export const HOURLY_JOBS = ["portfolio_hourly_snapshot", "bet_sync_hourly"] as const;
export type HourlyJobName = (typeof HOURLY_JOBS)[number];

/** The table each step writes (for messages and the docs). */
export const STEP_TABLES: Readonly<Record<StepName | HourlyJobName, string>> = {
  download_games: "unified_games",
  fetch_markets: "game_odds",
  update_elo: "elo_ratings",
  identify_bets: "bet_recommendations",
  place_bets: "placed_bets",
  load_bets_db: "unified_games",
  portfolio_hourly_snapshot: "portfolio_snapshots",
  bet_sync_hourly: "placed_bets",
};

export const stepNameSchema = z.enum(DAG_STEPS, {
  error: (i) => `unknown step "${String(i.input)}"; steps are ${DAG_STEPS.join(", ")}`,
});
export const hourlyJobSchema = z.enum(HOURLY_JOBS, {
  error: (i) => `unknown hourly job "${String(i.input)}"; jobs are ${HOURLY_JOBS.join(", ")}`,
});

/**
 * "a,b" -> the named steps in DAG order (whatever order they were given in). Duplicates collapse;
 * an unknown name is an error naming the known ones.
 */
export const stepListSchema = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(stepNameSchema).min(1, "name at least one step"))
  .transform((names) => DAG_STEPS.filter((s) => names.includes(s)));

export { calendarDaySchema as runDateSchema };

/** The steps after `step` in `chain` (the rest of a run), or [] when it is the last. */
export function stepsAfter(chain: readonly StepName[], step: StepName): StepName[] {
  const i = chain.indexOf(step);
  return i < 0 ? [] : chain.slice(i + 1);
}
