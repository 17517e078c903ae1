// Every CLI command group, registered in this order. Add a module here to add a command group.
import type { Command } from "commander";
import { registerBackfillCommand } from "./backfill.ts";
import { registerBacktestCommands } from "./backtest.ts";
import { registerBetsCommands } from "./bets.ts";
import { registerDbCommands } from "./db.ts";
import { registerEloCommands } from "./elo.ts";
import { registerExportCommand } from "./export.ts";
import { registerImportCommand } from "./import.ts";
import { registerJobsCommand } from "./jobs.ts";
import { registerKeysCommands } from "./keys.ts";
import { registerNotifyCommands } from "./notify.ts";
import { registerOddsCommands } from "./odds.ts";
import { registerRunCommand } from "./run.ts";
import { registerScreenCommand } from "./screen.ts";
import { registerTradingCommands } from "./trading.ts";
import { registerWorkerCommand } from "./worker.ts";

export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerDbCommands,
  registerEloCommands,
  registerOddsCommands,
  registerRunCommand,
  registerBackfillCommand,
  registerImportCommand,
  registerBacktestCommands,
  registerScreenCommand,
  registerWorkerCommand,
  registerJobsCommand,
  registerKeysCommands,
  registerNotifyCommands,
  registerExportCommand,
  registerBetsCommands,
  registerTradingCommands,
];
