// `edgeline bets [--status s] | confirm <id> --odds <o> --stake <s> | cancel <id> | history <id>`:
// the bets, and the manual queue of books without an API. A bet awaiting a person shows its stake
// and the minimum acceptable odds; `confirm` records what the book gave, `cancel` drops it.
import { allBets, cancelManualBet, confirmManualBet, ManualBetError, statusHistory } from "@edgeline/core";
import type { Command } from "commander";
import { Decimal } from "decimal.js";
import { z } from "zod";
import { openPipelineSession } from "../../worker/session.ts";
import { CliExit } from "../exit.ts";
import { parseArgs } from "./run.ts";

const decimal = (name: string, scale: number, min: string) =>
  z
    .string()
    .regex(
      new RegExp(`^\\d{1,8}(\\.\\d{1,${scale}})?$`),
      `${name} must be a number with at most ${scale} decimals`,
    )
    .refine((v) => new Decimal(v).gt(min), `${name} must be greater than ${min}`)
    .transform((v) => new Decimal(v));

const confirmSchema = z.object({ odds: decimal("odds", 4, "1"), stake: decimal("stake", 2, "0") });

async function decide(fn: (pool: import("pg").Pool) => Promise<void>): Promise<void> {
  const session = await openPipelineSession({ plugins: false });
  try {
    await fn(session.pool);
  } catch (error) {
    if (!(error instanceof ManualBetError)) throw error;
    console.error(`error: ${error.message}`);
    throw new CliExit(1);
  } finally {
    await session.close();
  }
}

export function registerBetsCommands(program: Command): void {
  const bets = program
    .command("bets")
    .description("placed bets (paper or live), and the manual queue of books without an API")
    .option("--status <status>", "only bets of this status (awaiting: the manual queue)")
    .action((flags: { status?: string }) =>
      decide(async (pool) => {
        const list = (await allBets(pool)).filter((b) => !flags.status || b.status === flags.status);
        if (list.length === 0) console.log("no bets");
        for (const b of list) {
          const floor = b.status === "awaiting" && b.minOdds ? ` min odds ${b.minOdds.toFixed(4)}` : "";
          const contracts = b.contracts
            ? ` ${b.contracts} contracts fee ${b.fees?.toFixed(2) ?? "0.00"}`
            : "";
          console.log(
            `${b.betId}  ${(b.tradingMode ?? "paper").toUpperCase().padEnd(5)}  ${(b.venue ?? "-").padEnd(7)}  ${b.bookmaker.padEnd(12)}  ${b.status.padEnd(9)}  stake ${b.stake.toFixed(2)} at ${b.odds.toFixed(4)}${contracts}${floor}  ${b.gameId ?? ""} ${b.outcome}` +
              (b.result ? `  result ${b.result.toFixed(2)}` : "") +
              (b.clv ? `  clv ${b.clv.toFixed(4)}` : ""),
          );
        }
      }),
    );

  bets
    .command("confirm")
    .argument("<id>", "the bet id (see `bets --status awaiting`)")
    .requiredOption("--odds <o>", "decimal odds obtained at the book")
    .requiredOption("--stake <s>", "stake actually placed")
    .description("confirm a bet awaiting a person with what the book gave")
    .action((id: string, flags: { odds: string; stake: string }) => {
      const got = parseArgs(confirmSchema, flags);
      return decide(async (pool) => {
        await confirmManualBet(pool, id, { ...got, at: new Date() });
        console.log(`confirmed ${id}: ${got.stake.toFixed(2)} at ${got.odds.toFixed(4)}`);
      });
    });

  bets
    .command("cancel")
    .argument("<id>", "the bet id")
    .option("--reason <text>", "why it was not placed")
    .description("drop a bet awaiting a person (not placed at the book)")
    .action((id: string, flags: { reason?: string }) =>
      decide(async (pool) => {
        await cancelManualBet(pool, id, new Date(), flags.reason);
        console.log(`cancelled ${id}`);
      }),
    );

  bets
    .command("history")
    .argument("<id>", "the bet id")
    .description("every status change of a bet: from, to, when, why")
    .action((id: string) =>
      decide(async (pool) => {
        const changes = await statusHistory(pool, [id]);
        if (changes.length === 0) console.log(`no history for ${id}`);
        for (const c of changes)
          console.log(
            `${c.changedAt.toISOString()}  ${(c.fromStatus ?? "-").padEnd(9)} -> ${c.toStatus.padEnd(9)}  ${c.reason}`,
          );
      }),
    );
}
