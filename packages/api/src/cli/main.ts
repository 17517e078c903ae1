#!/usr/bin/env node
// The `edgeline` command line. Each command group lives in its own module under ./commands and
// registers itself on the program; this file only assembles them.
import { Command } from "commander";
import { commandModules } from "./commands/index.ts";
import { cliErrorMessage } from "./errors.ts";

const program = new Command("edgeline")
  .description("Edgeline: sports-betting data platform")
  .showHelpAfterError()
  .exitOverride();

for (const register of commandModules) register(program);

try {
  await program.parseAsync(process.argv);
  // Commands release what they opened; exiting here also ends library timers left behind.
  process.exit(0);
} catch (err) {
  const code = (err as { exitCode?: number }).exitCode;
  if (typeof code === "number") process.exit(code);
  console.error(`error: ${cliErrorMessage(err)}`);
  process.exit(1);
}
