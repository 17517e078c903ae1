// The execution code's events, each emitted in the transaction that makes it true: a book bet now
// awaiting a person (place_bets), an order a check refused (place_bets, with its order_refusals
// row), a fill applied to a live bet (bet_sync_hourly) and the kill switch toggled (core/trading).
// Keys follow what makes each unique, so a rerun emits nothing new.
import type { BetStatusUpdate, PlacedBetRow } from "@edgeline/sdk";
import { AWAITING } from "../brokers/bet-status.ts";
import type { OrderRefusalInput } from "../repositories/order-refusals.ts";
import type { Queryable } from "../repositories/queryable.ts";
import type { TradingSwitchState } from "../repositories/trading-switch.ts";
import { emitEvent, emitEvents } from "./emit.ts";

/** What place_bets wrote of a bet: the row and where it went. */
type WrittenBet = PlacedBetRow & { venue?: string | null; minOdds?: { toFixed(n: number): string } | null };

/** manual_bet.awaiting for each bet written awaiting a person (its stake, odds floor and deadline). */
export async function emitManualBetAwaitingEvents(db: Queryable, bets: readonly WrittenBet[]): Promise<void> {
  await emitEvents(
    db,
    bets
      .filter((b) => b.status === AWAITING)
      .map((b) => ({
        event: {
          type: "manual_bet.awaiting",
          key: b.betId,
          data: {
            betId: b.betId,
            venue: b.venue ?? "manual",
            selection: `${b.bookmaker}: ${b.marketTitle ?? `${b.gameId} ${b.outcome}`}`,
            stake: b.stake.toFixed(2),
            minOdds: (b.minOdds ?? b.odds).toFixed(4),
            // The game's start, when an unconfirmed bet expires.
            deadline: (b.marketCloseTimeUtc ?? b.placedTimeUtc ?? new Date()).toISOString(),
          },
        },
        ...(b.placedTimeUtc ? { occurredAt: b.placedTimeUtc } : {}),
      })),
  );
}

/** risk.refused for each refusal (keyed as order_refusals is unique: recommendation, rule, day). */
export async function emitRiskRefusedEvents(
  db: Queryable,
  refusals: readonly OrderRefusalInput[],
): Promise<void> {
  await emitEvents(
    db,
    refusals.map((r) => ({
      event: {
        type: "risk.refused",
        key: `${r.recommendationId}:${r.rule}:${r.runDate}`,
        data: {
          reason: r.rule,
          venue: r.venue,
          betId: null,
          stake: r.stake?.toFixed(2) ?? null,
          detail: `recommendation ${r.recommendationId} (${r.sport}, ${r.runDate}): ${r.reason}`,
        },
      },
      occurredAt: r.refusedAt,
    })),
  );
}

/** bet.filled for each applied fill (keyed by bet and filled contracts: a later, larger fill is news). */
export async function emitBetFilledEvents(
  db: Queryable,
  updates: readonly BetStatusUpdate[],
  venueOf: (betId: string) => string,
): Promise<void> {
  await emitEvents(
    db,
    updates.flatMap((u) =>
      u.fill
        ? [
            {
              event: {
                type: "bet.filled" as const,
                key: `${u.betId}:${u.fill.contracts ?? u.fill.stake.toFixed(2)}`,
                data: {
                  betId: u.betId,
                  venue: venueOf(u.betId),
                  stake: u.fill.stake.toFixed(2),
                  odds: (u.fill.odds ?? u.fill.potentialPayout?.div(u.fill.stake) ?? u.fill.stake).toFixed(4),
                },
              },
            },
          ]
        : [],
    ),
  );
}

/** kill_switch.toggled: `enabled` is whether trading is on after the change. */
export async function emitKillSwitchEvent(db: Queryable, state: TradingSwitchState): Promise<void> {
  const at = state.changedAt ?? new Date();
  await emitEvent(
    db,
    {
      type: "kill_switch.toggled",
      key: `${state.paused ? "paused" : "resumed"}:${at.toISOString()}`,
      data: { enabled: !state.paused, by: state.changedBy ?? "unknown", reason: state.reason },
    },
    { occurredAt: at },
  );
}
