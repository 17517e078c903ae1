// The pipeline: the seed DAG's steps and hourly jobs as functions of (deps, sport, date), with
// their names, job keys and queue names. Scheduling lives in the api package's worker.
import { betSyncHourly } from "./bet-sync.ts";
import { downloadGames } from "./download-games.ts";
import { fetchMarkets } from "./fetch-markets.ts";
import { identifyBets } from "./identify-bets.ts";
import { loadBetsDb } from "./load-bets-db.ts";
import { placeBets } from "./place-bets.ts";
import { portfolioHourlySnapshot } from "./portfolio-snapshot.ts";
import type { HourlyJobDefinition, StepDefinition } from "./step.ts";
import type { HourlyJobName, StepName } from "./steps.ts";
import { updateElo } from "./update-elo.ts";

export const STEP_DEFINITIONS: Readonly<Record<StepName, StepDefinition>> = {
  download_games: downloadGames,
  fetch_markets: fetchMarkets,
  update_elo: updateElo,
  identify_bets: identifyBets,
  place_bets: placeBets,
  load_bets_db: loadBetsDb,
};

export const HOURLY_JOB_DEFINITIONS: Readonly<Record<HourlyJobName, HourlyJobDefinition>> = {
  portfolio_hourly_snapshot: portfolioHourlySnapshot,
  bet_sync_hourly: betSyncHourly,
};

export { type PipelineDeps, riskLimitsOfDeps, routerOf } from "./deps.ts";
export { bettingMarkets, moneylineWays, quoteOf } from "./identify-bets.ts";
export * from "./job-keys.ts";
export * from "./run-clock.ts";
export * from "./run-execution.ts";
export * from "./step.ts";
export * from "./steps.ts";
export { entityNames, toEloGame } from "./update-elo.ts";
