// `edgeline screen`: the current opportunities of a strategy on a sport's games still to start
// (core's screener): game, selection, venue, price, fair price, edge, EV, Kelly stake and the age
// of each quote; arbitrage and middle sets with their stakes and locked profit. `--watch` reprints
// every interval until interrupted.
import { formatScreen, loadConfig, screen } from "@edgeline/core";
import type { Command } from "commander";
import { Decimal } from "decimal.js";
import { z } from "zod";
import { openPipelineSession } from "../../worker/session.ts";
import { readStrategies } from "./backtest.ts";
import { parseArgs } from "./run.ts";

export const screenArgsSchema = z.object({
  sport: z.string().regex(/^[A-Za-z0-9]{2,12}$/, "a sport code such as EPL"),
  strategy: z.string().min(1).default("sharp-reference"),
  watch: z.union([z.boolean(), z.coerce.number().int().min(5).max(3600)]).default(false),
  maxAge: z.coerce.number().positive().default(60),
  days: z.coerce.number().int().min(0).max(14).default(2),
  json: z.boolean().default(false),
});

export function registerScreenCommand(program: Command): void {
  program
    .command("screen")
    .description(
      "list the current opportunities of a strategy on a sport's games still to start: price, fair price, edge, EV, stake, quote age; arbitrage sets with their stakes",
    )
    .requiredOption("--sport <code>", "sport code of a loaded plugin")
    .option("--strategy <name|file>", "a loaded strategy's name or a strategy JSON file", "sharp-reference")
    .option("--watch [seconds]", "reprint every interval (default 30 s) until Ctrl-C")
    .option(
      "--max-age <minutes>",
      "never use a quote older than this (a strategy file's maxQuoteAgeMinutes wins)",
      "60",
    )
    .option("--days <n>", "games of today and the next n days", "2")
    .option("--json", "print the result as JSON")
    .action(async (flags: Record<string, unknown>) => {
      const args = parseArgs(screenArgsSchema, flags);
      const session = await openPipelineSession();
      let stop = false;
      const onSignal = () => {
        stop = true;
      };
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        const [strategy] = readStrategies([args.strategy], session.plugins.strategyCatalog());
        const bankroll = new Decimal(loadConfig().bankroll);
        const interval = args.watch === true ? 30 : args.watch === false ? 0 : args.watch;
        do {
          const result = await screen(session.pool, session.plugins, {
            sport: args.sport,
            strategy: strategy!,
            maxQuoteAgeMinutes: args.maxAge,
            days: args.days,
            bankroll,
          });
          console.log(args.json ? JSON.stringify(result, null, 2) : formatScreen(result));
          for (let waited = 0; interval > 0 && !stop && waited < interval * 1000; waited += 250)
            await new Promise((r) => setTimeout(r, 250));
        } while (interval > 0 && !stop);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await session.close();
      }
    });
}
