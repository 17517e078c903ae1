import { daysBetween, utcDay } from "../calendar/calendar-day.ts";

/**
 * Resolving an external event to one of our games. Sources do not know sports: they get the
 * known games of the window and match on (home team id, away team id, date). Nothing is guessed:
 * no candidate or several candidates make the event "unmatched", with the reason.
 */

/** A game the odds may attach to (a projection of `unified_games`). */
export interface KnownGame {
  gameId: string;
  /** Local calendar day of the game, `YYYY-MM-DD` (or the Date Prisma returns for @db.Date). */
  gameDate: string | Date;
  commenceTime: Date | null;
  homeTeamId: string;
  awayTeamId: string;
}

/** An external event that produced no rows, and why. */
export interface UnmatchedEvent {
  source: string;
  /** The source's own id: Kalshi event ticker, Odds API event id, SBR date+rotation. */
  externalId: string;
  description: string;
  reason: string;
}

export interface EventKey {
  homeTeamId: string;
  awayTeamId: string;
  /** The event's local calendar day, when the source gives one (Kalshi, SBR). */
  localDate?: string;
  /** The event's start instant, when the source gives one (The Odds API). */
  startTime?: Date;
}

export type MatchResult = { ok: true; game: KnownGame } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
/** Local game days and UTC start instants differ by up to a day (a 7pm ET game starts the next UTC day). */
const DATE_TOLERANCE_DAYS = 1;
const START_TOLERANCE_MS = 18 * 3_600_000;

/** Index of the known games by team pair, built once per fetch. */
export class GameMatcher {
  private readonly byPair = new Map<string, KnownGame[]>();

  constructor(games: readonly KnownGame[]) {
    for (const game of games) {
      const key = `${game.homeTeamId}|${game.awayTeamId}`;
      const list = this.byPair.get(key) ?? [];
      list.push(game);
      this.byPair.set(key, list);
    }
  }

  /**
   * The one game of this home/away pair close to the event's date or start. Prefers an exact
   * start time or local day over a neighbour day, so a back-to-back series still resolves.
   */
  match(key: EventKey): MatchResult {
    const pair = this.byPair.get(`${key.homeTeamId}|${key.awayTeamId}`) ?? [];
    if (pair.length === 0) {
      return { ok: false, reason: `no known game ${key.awayTeamId} @ ${key.homeTeamId} in the window` };
    }
    const scored = pair
      .map((game) => ({ game, distance: this.distance(game, key) }))
      .filter((s): s is { game: KnownGame; distance: number } => s.distance !== undefined)
      .sort((a, b) => a.distance - b.distance);
    const best = scored[0];
    if (!best) {
      const when = key.localDate ?? key.startTime?.toISOString() ?? "?";
      return { ok: false, reason: `no game ${key.awayTeamId} @ ${key.homeTeamId} near ${when}` };
    }
    const tied = scored.filter((s) => s.distance === best.distance);
    if (tied.length > 1) {
      return { ok: false, reason: `ambiguous: ${tied.map((s) => s.game.gameId).join(", ")}` };
    }
    return { ok: true, game: best.game };
  }

  /** Smaller is closer; undefined = outside the tolerance. */
  private distance(game: KnownGame, key: EventKey): number | undefined {
    if (key.startTime && game.commenceTime) {
      const ms = Math.abs(game.commenceTime.getTime() - key.startTime.getTime());
      return ms <= START_TOLERANCE_MS ? ms / DAY_MS : undefined;
    }
    const eventDay = key.localDate ?? (key.startTime ? utcDay(key.startTime) : undefined);
    if (!eventDay) return undefined;
    const days = Math.abs(daysBetween(utcDay(game.gameDate), eventDay));
    return days <= DATE_TOLERANCE_DAYS ? days : undefined;
  }
}
