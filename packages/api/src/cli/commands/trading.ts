// `edgeline trading pause [--reason r] | resume | status | refusals`: the kill switch, stored in
// the database so that every worker obeys it before its next order, and the orders refused.

import { userInfo } from "node:os";
import { listRefusals, switchTrading, tradingSwitch } from "@edgeline/core";
import type { Command } from "commander";
import { z } from "zod";
import { openPipelineSession } from "../../worker/session.ts";
import { parseArgs } from "./run.ts";

async function withPool(fn: (pool: import("pg").Pool) => Promise<void>): Promise<void> {
  const session = await openPipelineSession({ plugins: false });
  try {
    await fn(session.pool);
  } finally {
    await session.close();
  }
}

const by = () => `cli ${userInfo().username}`;
const print = (s: {
  paused: boolean;
  reason: string | null;
  changedAt: Date | null;
  changedBy: string | null;
}) =>
  console.log(
    s.paused
      ? `trading PAUSED since ${s.changedAt?.toISOString()} by ${s.changedBy ?? "?"}${s.reason ? `: ${s.reason}` : ""}`
      : `trading ON${s.changedAt ? ` (resumed ${s.changedAt.toISOString()} by ${s.changedBy ?? "?"})` : ""}`,
  );

const reasonSchema = z.string().trim().min(1).max(500).optional();

export function registerTradingCommands(program: Command): void {
  const trading = program
    .command("trading")
    .description("the kill switch, and the orders refused before sending");
  trading
    .command("pause")
    .option("--reason <text>", "why (shown with every refused order)")
    .description("stop every worker from sending another order")
    .action((flags: { reason?: string }) => {
      const reason = parseArgs(reasonSchema, flags.reason);
      return withPool(async (pool) =>
        print(await switchTrading(pool, { paused: true, reason: reason ?? null, by: by() })),
      );
    });
  trading
    .command("resume")
    .description("let the workers send orders again")
    .action(() => withPool(async (pool) => print(await switchTrading(pool, { paused: false, by: by() }))));
  trading
    .command("status")
    .description("whether trading is paused")
    .action(() => withPool(async (pool) => print(await tradingSwitch(pool))));
  trading
    .command("refusals")
    .option("--sport <code>", "only this sport")
    .option("--rule <rule>", "only this rule (max_stake_per_bet, trading_paused, price_moved, ...)")
    .option("--limit <n>", "rows", "50")
    .description("orders refused by a risk limit, the kill switch or a moved price, newest first")
    .action((flags: { sport?: string; rule?: string; limit: string }) => {
      const limit = parseArgs(z.coerce.number().int().min(1).max(1000), flags.limit);
      return withPool(async (pool) => {
        const rows = await listRefusals(pool, {
          ...(flags.sport ? { sport: flags.sport.toUpperCase() } : {}),
          ...(flags.rule ? { rule: flags.rule } : {}),
          limit,
        });
        if (rows.length === 0) console.log("no refusals");
        for (const r of rows)
          console.log(
            `${r.refusedAt.toISOString()}  ${r.sport} ${r.runDate}  recommendation ${r.recommendationId}  ${r.venue ?? "-"}  ${r.rule}: ${r.reason}`,
          );
      });
    });
}
