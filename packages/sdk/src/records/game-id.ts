import type { GameRecord } from "./game-record.ts";

/** `NHL_20240120_LAK_BOS`, optionally `_2`, `_3` for a further game of the same pairing that day. */
export const GAME_ID_PATTERN =
  /^[A-Z0-9]{2,12}_\d{8}_[A-Z0-9]+(?:-[A-Z0-9]+)*_[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[2-9]\d*)?$/;

export interface GameIdParts {
  sport: string;
  /** League-local calendar day, `YYYY-MM-DD`. */
  gameDate: string;
  awayId: string;
  homeId: string;
}

/** The base id of a game, without the same-day suffix: `{SPORT}_{YYYYMMDD}_{AWAY}_{HOME}`. */
export function baseGameId(parts: GameIdParts): string {
  return `${parts.sport}_${parts.gameDate.replaceAll("-", "")}_${parts.awayId}_${parts.homeId}`;
}

/** Reads a game id back into its parts (and the game number, 1 for an id without suffix). */
export function parseGameId(gameId: string): (GameIdParts & { gameNumber: number }) | undefined {
  const m = /^([A-Z0-9]{2,12})_(\d{4})(\d{2})(\d{2})_([A-Z0-9-]+)_([A-Z0-9-]+?)(?:_(\d+))?$/.exec(gameId);
  if (!m) return undefined;
  const [, sport, y, mo, d, awayId, homeId, n] = m;
  if (!sport || !awayId || !homeId) return undefined;
  return { sport, gameDate: `${y}-${mo}-${d}`, awayId, homeId, gameNumber: n ? Number(n) : 1 };
}

/** A record before its id is fixed; `sourceKey` orders same-day games that start together. */
export type GameDraft = Omit<GameRecord, "gameId"> & { sourceKey: string };

/**
 * Gives every draft its game id. Two games of the same pairing on the same day (a doubleheader)
 * get the base id and `_2`, in order of start time, then of the source's own id, so the order is
 * the same on every fetch of that day.
 */
export function assignGameIds(drafts: readonly GameDraft[]): GameRecord[] {
  const ordered = [...drafts].sort(
    (a, b) =>
      a.commenceTime.getTime() - b.commenceTime.getTime() ||
      (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0),
  );
  const seen = new Map<string, number>();
  return ordered.map(({ sourceKey: _sourceKey, ...record }) => {
    const base = baseGameId({
      sport: record.sport,
      gameDate: record.gameDate,
      awayId: record.awayTeamId,
      homeId: record.homeTeamId,
    });
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { gameId: n === 1 ? base : `${base}_${n}`, ...record };
  });
}
