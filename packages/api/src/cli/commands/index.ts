// Every CLI command group, registered in this order. Add a module here to add a command group.
import type { Command } from "commander";
import { registerDbCommands } from "./db.ts";
import { registerEloCommands } from "./elo.ts";
import { registerOddsCommands } from "./odds.ts";

export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerDbCommands,
  registerEloCommands,
  registerOddsCommands,
];
