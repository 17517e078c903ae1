// Where and when a game was played, as far as a rating or a forecast cares: a neutral site, a
// playoff game. Read through to_jsonb so that this works whether or not unified_games has the
// columns yet (a database migrated before they were added reads every game as neither).
import type { Queryable } from "./queryable.ts";

export interface GameFlags {
  neutral: boolean;
  playoff: boolean;
}

/** Flags by game id; games with neither flag set are absent. */
export async function gameFlags(db: Queryable, gameIds: readonly string[]): Promise<Map<string, GameFlags>> {
  if (gameIds.length === 0) return new Map();
  const { rows } = await db.query<{ game_id: string; neutral: boolean | null; playoff: boolean | null }>(
    `SELECT g.game_id, (to_jsonb(g) ->> 'neutral')::boolean AS neutral, (to_jsonb(g) ->> 'playoff')::boolean AS playoff
       FROM unified_games g
      WHERE g.game_id = ANY($1::varchar[])
        AND ((to_jsonb(g) ->> 'neutral')::boolean OR (to_jsonb(g) ->> 'playoff')::boolean)`,
    [[...new Set(gameIds)]],
  );
  return new Map(rows.map((r) => [r.game_id, { neutral: r.neutral === true, playoff: r.playoff === true }]));
}
