// The events the pipeline raises, each emitted in the transaction of the step that caused it:
// recommendations over the notification edge (identify_bets), bets placed (place_bets), bets
// settled (bet_sync_hourly) and runs that failed for good (executeRun). Their keys make reruns
// emit nothing new.
import type { BetStatusUpdate } from "@edgeline/sdk";
import { loadConfig } from "../config/config.ts";
import type { BetMode } from "../metrics/metrics.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import type { PlacedBetRecord } from "../repositories/placed-bets.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { emitEvent } from "./emit.ts";

const SETTLED = new Set(["win", "loss", "void"]);

/**
 * The venue (a bounded label: a loaded venue's name, or the book's venue for rows written before
 * venues were kept) and the mode of a bet: paper, live through a venue's API, or live by hand.
 */
export function betVenue(
  plugins: PluginRegistry,
  bet: { bookmaker: string; venue?: string | null; tradingMode?: string | null },
): { venue: string; mode: BetMode } {
  const venue = bet.venue ?? plugins.venueFor(bet.bookmaker)?.plugin.name ?? "manual";
  if (bet.tradingMode !== "live") return { venue, mode: "paper" };
  return { venue, mode: venue === "manual" ? "manual" : "live" };
}

/** recommendation.created for each active recommendation of these games at or above the edge. */
export async function emitRecommendationEvents(
  db: Queryable,
  gameIds: readonly string[],
  minEdge = loadConfig().notify.minEdge,
): Promise<number> {
  if (gameIds.length === 0) return 0;
  const { rows } = await db.query<{
    recommendation_id: number;
    sport: string;
    game_id: string;
    recommendation_type: string | null;
    side: string | null;
    bookmaker: string | null;
    price: string | null;
    line: string | null;
    edge: string;
    recommended_stake: string | null;
    expires_at: Date | null;
    generated_at: Date;
  }>(
    `SELECT recommendation_id, sport, game_id, recommendation_type, side, bookmaker, price::text,
            line::text, edge::text, recommended_stake::text, expires_at, generated_at
       FROM bet_recommendations
      WHERE game_id = ANY($1::varchar[]) AND status = 'active' AND edge >= $2
      ORDER BY recommendation_id`,
    [gameIds, minEdge],
  );
  let emitted = 0;
  for (const r of rows) {
    const id = await emitEvent(
      db,
      {
        type: "recommendation.created",
        key: String(r.recommendation_id),
        data: {
          recommendationId: r.recommendation_id,
          sport: r.sport,
          gameId: r.game_id,
          market: r.recommendation_type ?? "moneyline",
          side: r.side ?? "",
          bookmaker: r.bookmaker,
          price: r.price,
          line: r.line,
          edge: r.edge,
          stake: r.recommended_stake ?? "0",
          expiresAt: r.expires_at?.toISOString() ?? null,
        },
      },
      { occurredAt: r.generated_at },
    );
    if (id) emitted++;
  }
  return emitted;
}

/** bet.placed for each bet (a bet already placed emitted its event then). */
export async function emitBetPlacedEvents(
  db: Queryable,
  plugins: PluginRegistry,
  bets: readonly PlacedBetRecord[],
): Promise<void> {
  for (const b of bets) {
    await emitEvent(
      db,
      {
        type: "bet.placed",
        key: b.betId,
        data: {
          betId: b.betId,
          ...betVenue(plugins, b),
          gameId: b.gameId,
          market: b.marketName ?? "moneyline",
          outcome: b.outcome,
          stake: b.stake.toFixed(2),
          odds: b.odds.toString(),
        },
      },
      b.placedTimeUtc ? { occurredAt: b.placedTimeUtc } : {},
    );
  }
}

/** bet.settled for each update that leaves pending (keyed by bet and status: a regrade is news). */
export async function emitBetSettledEvents(
  db: Queryable,
  plugins: PluginRegistry,
  updates: readonly BetStatusUpdate[],
): Promise<void> {
  // Settled: graded win, loss or void (a manual bet cancelled or expired was never placed).
  const settled = updates.filter((u) => SETTLED.has(u.status));
  if (settled.length === 0) return;
  const { rows } = await db.query<{
    bet_id: string;
    bookmaker: string;
    venue: string | null;
    trading_mode: string | null;
    status: string;
    stake: string;
    odds: string;
    result: string | null;
  }>(
    `SELECT bet_id, bookmaker, venue, trading_mode, status, stake::text, odds::text, result::text
       FROM placed_bets WHERE bet_id = ANY($1::varchar[]) ORDER BY bet_id`,
    [settled.map((u) => u.betId)],
  );
  for (const r of rows) {
    await emitEvent(db, {
      type: "bet.settled",
      key: `${r.bet_id}:${r.status}`,
      data: {
        betId: r.bet_id,
        ...betVenue(plugins, { bookmaker: r.bookmaker, venue: r.venue, tradingMode: r.trading_mode }),
        status: r.status,
        stake: r.stake,
        odds: r.odds,
        result: r.result,
      },
    });
  }
}
