// `edgeline export bets|recommendations|portfolio|backtest <id> --format csv|json [--from <day>]
// [--to <day>] [--output <file>]`: streamed from a cursor (never the whole table in memory), with
// the columns of the GraphQL type (PlacedBet, Recommendation, PortfolioSnapshot, BacktestCurvePoint).
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { EXPORT_KINDS, exportQuerySchema } from "../../exports/export-kinds.ts";
import { streamExport } from "../../exports/stream-export.ts";
import { openPipelineSession } from "../../worker/session.ts";
import { parseArgs } from "./run.ts";

const exportArgs = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  output: z.string().min(1).optional(),
});

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("stream bets, recommendations, portfolio snapshots or a backtest's curve as CSV or JSON")
    .argument("<kind>", EXPORT_KINDS.join(" | "))
    .argument("[id]", "the backtest run's id (backtest only)")
    .option("--format <format>", "csv (default) or json")
    .option("--from <day>", "first day, YYYY-MM-DD (UTC)")
    .option("--to <day>", "last day, YYYY-MM-DD (UTC), inclusive")
    .option("--output <file>", "write here instead of stdout")
    .action(async (kind: string, id: string | undefined, flags: Record<string, unknown>) => {
      const args = parseArgs(exportArgs, flags);
      const query = parseArgs(exportQuerySchema, {
        kind,
        ...(id === undefined ? {} : { id }),
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.to === undefined ? {} : { to: flags.to }),
      });
      const session = await openPipelineSession({ plugins: false });
      try {
        const out = args.output ? createWriteStream(args.output) : process.stdout;
        const rows = await streamExport(session.pool, query, args.format, out, {
          end: args.output !== undefined,
        });
        console.error(`${rows} ${kind === "backtest" ? "curve points" : kind} exported`);
      } finally {
        await session.close();
      }
    });
}
