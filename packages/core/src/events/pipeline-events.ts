// The events the pipeline raises, each emitted in the transaction of the step that caused it:
// recommendations over the notification edge (identify_bets), bets placed (place_bets), bets
// settled (bet_sync_hourly) and runs that failed for good (executeRun). Their keys make reruns
// emit nothing new.
import type { BetStatusUpdate, PlacedBetRow } from "@edgeline/sdk";
import { isCommitted } from "../brokers/bet-status.ts";
import { loadConfig } from "../config/config.ts";
import type { BetMode } from "../metrics/metrics.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { emitEvents } from "./emit.ts";

const PAPER_BOOKMAKER = "Paper";

/**
 * The venue (a bounded label: "paper" or a loaded venue's name) and mode of a bet. A paper bet
 * keeps its venue's bookmaker but is paper (placed_bets.trading_mode), never counted as live.
 */
export function betVenue(
  plugins: PluginRegistry,
  bookmaker: string,
  tradingMode: string | null = null,
): { venue: string; mode: BetMode } {
  if (bookmaker === PAPER_BOOKMAKER || tradingMode === "paper") return { venue: "paper", mode: "paper" };
  const venue = plugins.venueFor(bookmaker)?.plugin.name ?? "manual";
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
  const emitted = await emitEvents(
    db,
    rows.map((r) => ({
      event: {
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
      occurredAt: r.generated_at,
    })),
  );
  return emitted.length;
}

/** bet.placed for each bet (a bet already placed emitted its event then). */
export async function emitBetPlacedEvents(
  db: Queryable,
  plugins: PluginRegistry,
  bets: readonly (PlacedBetRow & { tradingMode?: string })[],
): Promise<void> {
  await emitEvents(
    db,
    bets.map((b) => ({
      event: {
        type: "bet.placed",
        key: b.betId,
        data: {
          betId: b.betId,
          ...betVenue(plugins, b.bookmaker, b.tradingMode ?? null),
          gameId: b.gameId,
          market: b.marketName ?? "moneyline",
          outcome: b.outcome,
          stake: b.stake.toFixed(2),
          odds: b.odds.toString(),
        },
      },
      ...(b.placedTimeUtc ? { occurredAt: b.placedTimeUtc } : {}),
    })),
  );
}

/** bet.settled for each update that leaves pending (keyed by bet and status: a regrade is news). */
export async function emitBetSettledEvents(
  db: Queryable,
  plugins: PluginRegistry,
  updates: readonly BetStatusUpdate[],
): Promise<void> {
  // Settled: a result (win, loss, void); an awaiting bet expiring or an order cancelled unfilled is not.
  const settled = updates.filter((u) => u.status !== "pending" && isCommitted(u.status));
  if (settled.length === 0) return;
  const { rows } = await db.query<{
    bet_id: string;
    bookmaker: string;
    trading_mode: string;
    status: string;
    stake: string;
    odds: string;
    result: string | null;
  }>(
    `SELECT bet_id, bookmaker, trading_mode, status, stake::text, odds::text, result::text
       FROM placed_bets WHERE bet_id = ANY($1::varchar[]) ORDER BY bet_id`,
    [settled.map((u) => u.betId)],
  );
  await emitEvents(
    db,
    rows.map((r) => ({
      event: {
        type: "bet.settled",
        key: `${r.bet_id}:${r.status}`,
        data: {
          betId: r.bet_id,
          ...betVenue(plugins, r.bookmaker, r.trading_mode),
          status: r.status,
          stake: r.stake,
          odds: r.odds,
          result: r.result,
        },
      },
    })),
  );
}
