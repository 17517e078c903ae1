// The operations bench/graphql.ts asks of Edgeline and of PostGraphile v5, in equivalent form
// (same rows, same nesting, same order), and what PostGraphile needs in the scratch database to
// answer the fourth: SQL functions for "games of a team in a date range" and for both sides'
// rating on the game day, with the home side's Elo win probability (PostGraphile cannot run the
// JS model; the formula is the Elo logistic with the NHL preset's home advantage). These live in
// the scratch database only, never in a migration.
import type pg from "pg";

export interface Operation {
  name: string;
  edgeline: string;
  postgraphile: string;
}

export const FILTER_TEAM = "HAT";
export const FILTER_FROM = "2025-10-10";
export const FILTER_TO = "2025-11-08";

export function operations(gameId: string): Operation[] {
  return [
    {
      name: "games page (20) with odds",
      edgeline: `{ games(sport: "NHL", first: 20) { totalCount edges { node {
        id date status home { name } away { name } odds { bookmaker outcome price } } } } }`,
      postgraphile: `{ allUnifiedGames(condition: { sport: "NHL" }, first: 20, orderBy: [GAME_DATE_ASC, PRIMARY_KEY_ASC]) {
        totalCount nodes { gameId gameDate status homeTeamName awayTeamName
          gameOddsByGameId(orderBy: [LAST_UPDATE_DESC, PRIMARY_KEY_ASC]) { nodes { bookmaker outcomeName price } } } } }`,
    },
    {
      name: "bets page (50) with game",
      edgeline: `{ placedBets(first: 50) { totalCount edges { node {
        id bookmaker stake odds status placedAt game { id status home { name } away { name } } } } } }`,
      postgraphile: `{ allPlacedBets(first: 50, orderBy: [PLACED_TIME_UTC_DESC, PRIMARY_KEY_ASC]) { totalCount nodes {
        betId bookmaker stake odds status placedTimeUtc unifiedGameByGameId { gameId status homeTeamName awayTeamName } } } }`,
    },
    {
      name: "one game with odds, recommendations, bets",
      edgeline: `{ game(id: "${gameId}") { id date status home { name } away { name }
        odds { bookmaker outcome price } recommendations { side edge status } bets { id stake status } } }`,
      postgraphile: `{ unifiedGameByGameId(gameId: "${gameId}") { gameId gameDate status homeTeamName awayTeamName
        gameOddsByGameId(orderBy: [LAST_UPDATE_DESC, PRIMARY_KEY_ASC]) { nodes { bookmaker outcomeName price } }
        betRecommendationsByGameId { nodes { side edge status } } placedBetsByGameId { nodes { betId stake status } } } }`,
    },
    {
      name: "a team's games in a date range, with ratings and probabilities",
      edgeline: `{ games(sport: "NHL", team: "${FILTER_TEAM}", from: "${FILTER_FROM}", to: "${FILTER_TO}", first: 20) {
        totalCount edges { node { id date status
          home { entityId name rating { rating } } away { entityId name rating { rating } }
          modelProbabilities { home away draw } } } } }`,
      postgraphile: `{ gamesOfTeam(sport: "NHL", team: "${FILTER_TEAM}", fromDay: "${FILTER_FROM}", toDay: "${FILTER_TO}", first: 20) {
        totalCount nodes { gameId gameDate status homeTeamId homeTeamName awayTeamId awayTeamName
          homeRating awayRating homeWinProbability } } }`,
    },
  ];
}

/** Functions PostGraphile exposes as `Query.gamesOfTeam` and computed columns of UnifiedGame. */
export async function preparePostGraphile(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE FUNCTION games_of_team(sport text, team text, from_day date, to_day date) RETURNS SETOF unified_games
      LANGUAGE sql STABLE AS $$
        SELECT * FROM unified_games g
         WHERE g.sport = games_of_team.sport AND g.game_date >= from_day AND g.game_date <= to_day
           AND (g.home_team_id = team OR g.away_team_id = team)
         ORDER BY g.game_date, g.commence_time, g.game_id $$;
    CREATE FUNCTION rating_on_day(sport text, entity text, day date) RETURNS numeric LANGUAGE sql STABLE AS $$
      SELECT r.rating FROM (SELECT * FROM elo_ratings e WHERE e.sport = rating_on_day.sport AND e.entity_id = entity
                               AND e.valid_from <= day ORDER BY e.valid_from DESC LIMIT 1) r
       WHERE r.valid_to IS NULL OR r.valid_to > day $$;
    CREATE FUNCTION unified_games_home_rating(g unified_games) RETURNS numeric LANGUAGE sql STABLE AS $$
      SELECT rating_on_day(g.sport, g.home_team_id, g.game_date) $$;
    CREATE FUNCTION unified_games_away_rating(g unified_games) RETURNS numeric LANGUAGE sql STABLE AS $$
      SELECT rating_on_day(g.sport, g.away_team_id, g.game_date) $$;
    CREATE FUNCTION unified_games_home_win_probability(g unified_games) RETURNS float8 LANGUAGE sql STABLE AS $$
      SELECT 1 / (1 + power(10, (unified_games_away_rating(g) - unified_games_home_rating(g) - 50)::float8 / 400)) $$;`);
}
