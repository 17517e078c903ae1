// unified_games: set-based upserts of plugin GameRecords, and the reads the pipeline needs.
import type { GameRecord } from "@edgeline/sdk";
import type { Queryable } from "./queryable.ts";

/** Columns of one game as arrays, the shape `unnest` takes: one statement per batch. */
function columns(games: readonly GameRecord[]) {
  const reg = games.map((g) => g.regulationScore);
  return [
    games.map((g) => g.gameId),
    games.map((g) => g.sport),
    games.map((g) => g.gameDate),
    games.map((g) => g.season),
    games.map((g) => g.status),
    games.map((g) => g.homeTeamId),
    games.map((g) => g.homeTeamName),
    games.map((g) => g.awayTeamId),
    games.map((g) => g.awayTeamName),
    games.map((g) => g.homeScore),
    games.map((g) => g.awayScore),
    games.map((g) => g.commenceTime.toISOString()),
    games.map((g) => g.venue),
    games.map((g) => g.neutralSite ?? false),
    games.map((g) => g.playoff ?? false),
    reg.map((r) => r?.home ?? null),
    reg.map((r) => r?.away ?? null),
  ];
}

const UNNEST = `unnest($1::varchar[], $2::varchar[], $3::date[], $4::int[], $5::varchar[], $6::varchar[],
  $7::varchar[], $8::varchar[], $9::varchar[], $10::int[], $11::int[], $12::timestamptz[], $13::varchar[],
  $14::boolean[], $15::boolean[], $16::int[], $17::int[])
  AS t(game_id, sport, game_date, season, status, home_team_id, home_team_name, away_team_id,
       away_team_name, home_score, away_score, commence_time, venue, neutral_site, is_playoff,
       home_regulation_score, away_regulation_score)`;

/**
 * A side's regulation score after a write of row `t`: the record's when it has one; else the one
 * stored while the final stays as it was (a schedule's record without one never clears a history
 * file's), and none once the final changed, as the stored one may no longer fit it.
 */
const regulationAfter = (t: string, side: "home" | "away") =>
  `COALESCE(${t}.${side}_regulation_score,
     CASE WHEN (g.home_score, g.away_score) IS NOT DISTINCT FROM (${t}.home_score, ${t}.away_score)
          THEN g.${side}_regulation_score END)`;

/**
 * Inserts new games and updates changed ones, in one statement. A row whose values are all
 * unchanged is not touched (`WHERE ... IS DISTINCT FROM`), so `loaded_at` and the row count stay
 * as the first load left them and a rerun writes nothing. A record without the neutral-site or
 * playoff flag is a regular-season game at home. Regulation scores follow `regulationAfter`.
 * Returns rows inserted or changed.
 */
export async function upsertGames(db: Queryable, games: readonly GameRecord[]): Promise<number> {
  if (games.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO unified_games AS g (game_id, sport, game_date, season, status, home_team_id,
       home_team_name, away_team_id, away_team_name, home_score, away_score, commence_time, venue,
       neutral_site, is_playoff, home_regulation_score, away_regulation_score)
     SELECT * FROM ${UNNEST}
     ON CONFLICT (game_id) DO UPDATE SET
       sport = excluded.sport, game_date = excluded.game_date, season = excluded.season,
       status = excluded.status, home_team_id = excluded.home_team_id,
       home_team_name = excluded.home_team_name, away_team_id = excluded.away_team_id,
       away_team_name = excluded.away_team_name, home_score = excluded.home_score,
       away_score = excluded.away_score, commence_time = excluded.commence_time,
       venue = excluded.venue, neutral_site = excluded.neutral_site,
       is_playoff = excluded.is_playoff,
       home_regulation_score = ${regulationAfter("excluded", "home")},
       away_regulation_score = ${regulationAfter("excluded", "away")},
       loaded_at = now()
     WHERE (g.sport, g.game_date, g.season, g.status, g.home_team_id, g.home_team_name,
            g.away_team_id, g.away_team_name, g.home_score, g.away_score, g.commence_time, g.venue,
            g.neutral_site, g.is_playoff, g.home_regulation_score, g.away_regulation_score)
       IS DISTINCT FROM
           (excluded.sport, excluded.game_date, excluded.season, excluded.status,
            excluded.home_team_id, excluded.home_team_name, excluded.away_team_id,
            excluded.away_team_name, excluded.home_score, excluded.away_score,
            excluded.commence_time, excluded.venue, excluded.neutral_site, excluded.is_playoff,
            ${regulationAfter("excluded", "home")}, ${regulationAfter("excluded", "away")})`,
    columns(games),
  );
  return result.rowCount ?? 0;
}

/**
 * Writes only results (status, scores and regulation scores, as `regulationAfter`) onto games
 * already known: the `load_bets_db` step. A game the schedule step never loaded is not created
 * here. Returns rows changed.
 */
export async function updateGameResults(db: Queryable, games: readonly GameRecord[]): Promise<number> {
  if (games.length === 0) return 0;
  const result = await db.query(
    `UPDATE unified_games AS g
       SET status = t.status, home_score = t.home_score, away_score = t.away_score,
           home_regulation_score = ${regulationAfter("t", "home")},
           away_regulation_score = ${regulationAfter("t", "away")}, loaded_at = now()
       FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::int[], $5::int[], $6::int[])
            AS t(game_id, status, home_score, away_score, home_regulation_score, away_regulation_score)
      WHERE g.game_id = t.game_id
        AND (g.status, g.home_score, g.away_score, g.home_regulation_score, g.away_regulation_score)
            IS DISTINCT FROM
            (t.status, t.home_score, t.away_score, ${regulationAfter("t", "home")}, ${regulationAfter("t", "away")})`,
    [
      games.map((g) => g.gameId),
      games.map((g) => g.status),
      games.map((g) => g.homeScore),
      games.map((g) => g.awayScore),
      games.map((g) => g.regulationScore?.home ?? null),
      games.map((g) => g.regulationScore?.away ?? null),
    ],
  );
  return result.rowCount ?? 0;
}

/** A unified_games row as the pipeline reads it (dates as YYYY-MM-DD strings). */
export interface GameRow {
  gameId: string;
  sport: string;
  gameDate: string;
  season: number | null;
  status: string | null;
  homeTeamId: string | null;
  homeTeamName: string | null;
  awayTeamId: string | null;
  awayTeamName: string | null;
  homeScore: number | null;
  awayScore: number | null;
  commenceTime: Date | null;
  venue: string | null;
  neutralSite: boolean;
  playoff: boolean;
  /** Scores at the end of regulation (a history file's periods), null where unknown. */
  homeRegulationScore: number | null;
  awayRegulationScore: number | null;
}

const SELECT = `SELECT game_id AS "gameId", sport, game_date::text AS "gameDate", season, status,
  home_team_id AS "homeTeamId", home_team_name AS "homeTeamName", away_team_id AS "awayTeamId",
  away_team_name AS "awayTeamName", home_score AS "homeScore", away_score AS "awayScore",
  commence_time AS "commenceTime", venue, neutral_site AS "neutralSite", is_playoff AS "playoff",
  home_regulation_score AS "homeRegulationScore", away_regulation_score AS "awayRegulationScore"
  FROM unified_games`;

/** Games of a sport whose day lies in [from, to], in chronological order. */
export async function gamesBetween(
  db: Queryable,
  sport: string,
  from: string,
  to: string,
): Promise<GameRow[]> {
  const { rows } = await db.query<GameRow>(
    `${SELECT} WHERE sport = $1 AND game_date BETWEEN $2 AND $3 ORDER BY game_date, commence_time, game_id`,
    [sport, from, to],
  );
  return rows;
}

/** Games of a sport played before `date` with a final score, in the order Elo must apply them. */
export async function finalGamesBefore(db: Queryable, sport: string, date: string): Promise<GameRow[]> {
  const { rows } = await db.query<GameRow>(
    `${SELECT} WHERE sport = $1 AND game_date < $2 AND status = 'Final'
       AND home_score IS NOT NULL AND away_score IS NOT NULL
     ORDER BY game_date, commence_time, game_id`,
    [sport, date],
  );
  return rows;
}

/** Games by id (ids not found are absent from the map). */
export async function gamesByIds(db: Queryable, gameIds: readonly string[]): Promise<Map<string, GameRow>> {
  if (gameIds.length === 0) return new Map();
  const { rows } = await db.query<GameRow>(`${SELECT} WHERE game_id = ANY($1::varchar[])`, [
    [...new Set(gameIds)],
  ]);
  return new Map(rows.map((g) => [g.gameId, g]));
}
