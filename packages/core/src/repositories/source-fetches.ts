// source_fetches: the last successful fetch of each odds source for each sport, for the metrics'
// staleness gauge (edgeline_odds_last_fetch_age_seconds) and its alert.
import type { Queryable } from "./queryable.ts";

/** Records that these sources answered for `sport` now (the database's clock: the real instant). */
export async function recordSourceFetches(
  db: Queryable,
  sport: string,
  fetches: ReadonlyArray<{ source: string; records: number }>,
): Promise<void> {
  if (fetches.length === 0) return;
  await db.query(
    `INSERT INTO source_fetches (source, sport, last_success_at, records)
     SELECT s, $1, now(), r FROM unnest($2::varchar[], $3::int[]) AS t(s, r)
     ON CONFLICT (source, sport) DO UPDATE SET last_success_at = EXCLUDED.last_success_at, records = EXCLUDED.records`,
    [sport, fetches.map((f) => f.source), fetches.map((f) => f.records)],
  );
}
