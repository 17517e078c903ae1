// `edgeline notify log [--sink <name>] [--status <s>] [--limit <n>] [--json]`: the delivery log;
// `edgeline notify test [--sink <name>]`: sends a sample event to each configured sink (or one),
// at once from this command, and prints each sink's answer (exit 1 if any failed).
import { randomUUID } from "node:crypto";
import { createDelivery, deliverNotification, emitEvent, loadConfig, withTransaction } from "@edgeline/core";
import type { Command } from "commander";
import { z } from "zod";
import { openPipelineSession } from "../../worker/session.ts";
import { CliExit } from "../exit.ts";
import { parseArgs } from "./run.ts";

const logArgs = z.object({
  sink: z.string().optional(),
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  json: z.boolean().default(false),
});

export function registerNotifyCommands(program: Command): void {
  const notify = program.command("notify").description("notifications: the delivery log, a test message");

  notify
    .command("log")
    .description("deliveries, newest first: event, sink, status, attempts, last answer")
    .option("--sink <name>", "only this sink")
    .option("--status <status>", "pending, delivered or failed")
    .option("--limit <n>", "at most this many (default 50)")
    .option("--json", "one JSON object per line")
    .action(async (flags: Record<string, unknown>) => {
      const args = parseArgs(logArgs, flags);
      const session = await openPipelineSession({ plugins: false });
      try {
        const { rows } = await session.pool.query(
          `SELECT d.delivery_id::text AS id, e.event_id, e.event_type, d.sink, d.status, d.attempts,
                  d.last_status, d.last_error, d.updated_at, e.occurred_at
             FROM notification_deliveries d JOIN notification_events e USING (event_id)
            WHERE ($1::varchar IS NULL OR d.sink = $1) AND ($2::varchar IS NULL OR d.status = $2)
            ORDER BY d.delivery_id DESC LIMIT $3`,
          [args.sink ?? null, args.status ?? null, args.limit],
        );
        for (const r of rows) {
          if (args.json) console.log(JSON.stringify(r));
          else
            console.log(
              [
                r.updated_at.toISOString(),
                r.event_type.padEnd(22),
                r.sink.padEnd(16),
                r.status.padEnd(9),
                `attempts ${r.attempts}`,
                r.last_status ?? "-",
                r.event_id,
                r.last_error ?? "",
              ]
                .join("  ")
                .trimEnd(),
            );
        }
        if (!args.json && rows.length === 0) console.error("no deliveries");
      } finally {
        await session.close();
      }
    });

  notify
    .command("test")
    .description("send a sample notification to every configured sink, or to one")
    .option("--sink <name>", "only this sink")
    .action(async (flags: { sink?: string }) => {
      const sinks = loadConfig().notify.sinks.filter((s) => !flags.sink || s.name === flags.sink);
      if (sinks.length === 0) {
        console.error(
          flags.sink
            ? `error: no sink named ${flags.sink} in EDGELINE_NOTIFY_SINKS`
            : "error: no sinks configured (EDGELINE_NOTIFY_SINKS)",
        );
        throw new CliExit(2);
      }
      const session = await openPipelineSession({ plugins: false });
      let failed = 0;
      try {
        for (const sink of sinks) {
          // Logged like any delivery, but sent here, once, so the answer is printed now.
          const deliveryId = await withTransaction(session.pool, async (client) => {
            const id = await emitEvent(
              client,
              {
                type: "notify.test",
                key: randomUUID(),
                data: { message: "Edgeline test notification", sink: sink.name },
              },
              { sinks: [] },
            );
            return createDelivery(client, id!, sink.name);
          });
          try {
            const outcome = await deliverNotification(session.pool, deliveryId!, {
              sinks,
              attempt: 1,
              maxAttempts: 1,
            });
            console.log(`${sink.name}: delivered (HTTP ${outcome.status})`);
          } catch (error) {
            failed++;
            console.log(`${sink.name}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      } finally {
        await session.close();
      }
      if (failed > 0) throw new CliExit(1);
    });
}
