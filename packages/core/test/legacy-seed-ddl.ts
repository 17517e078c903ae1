// The six tables as the original system's schema manager created them (`CREATE TABLE IF NOT
// EXISTS`, plain TIMESTAMP, SERIAL keys, indexes named by hand), written from the seed's
// documentation, for the adoption tests.
export const legacySeedDdl = `
CREATE TABLE IF NOT EXISTS unified_games (
  game_id VARCHAR PRIMARY KEY, sport VARCHAR NOT NULL, game_date DATE NOT NULL, season INTEGER,
  status VARCHAR, home_team_id VARCHAR, home_team_name VARCHAR, away_team_id VARCHAR, away_team_name VARCHAR,
  home_score INTEGER, away_score INTEGER, commence_time TIMESTAMP, venue VARCHAR,
  loaded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS idx_unified_games_sport_date ON unified_games (sport, game_date);
CREATE INDEX IF NOT EXISTS idx_unified_games_teams ON unified_games (home_team_id, away_team_id);
CREATE INDEX IF NOT EXISTS idx_unified_games_status ON unified_games (status);

CREATE TABLE IF NOT EXISTS game_odds (
  odds_id VARCHAR PRIMARY KEY, game_id VARCHAR NOT NULL REFERENCES unified_games(game_id),
  bookmaker VARCHAR NOT NULL, market_name VARCHAR NOT NULL, outcome_name VARCHAR,
  price DECIMAL(10,4) NOT NULL, line DECIMAL(10,4), last_update TIMESTAMP, is_pregame BOOLEAN DEFAULT TRUE,
  loaded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, external_id VARCHAR);
CREATE INDEX IF NOT EXISTS idx_game_odds_game ON game_odds (game_id);
CREATE INDEX IF NOT EXISTS idx_game_odds_source ON game_odds (bookmaker, market_name);
CREATE INDEX IF NOT EXISTS idx_game_odds_update ON game_odds (last_update);

CREATE TABLE IF NOT EXISTS placed_bets (
  bet_id VARCHAR PRIMARY KEY, game_id VARCHAR REFERENCES unified_games(game_id), market_id VARCHAR NOT NULL,
  bookmaker VARCHAR NOT NULL, outcome VARCHAR NOT NULL, stake DECIMAL(10,2) NOT NULL, odds DECIMAL(10,4) NOT NULL,
  potential_payout DECIMAL(10,2), status VARCHAR, result DECIMAL(10,2), placed_time_utc TIMESTAMP,
  market_title VARCHAR, market_close_time_utc TIMESTAMP, opening_odds DECIMAL(10,4),
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS idx_placed_bets_time ON placed_bets (placed_time_utc);
CREATE INDEX IF NOT EXISTS idx_placed_bets_status ON placed_bets (status);
CREATE INDEX IF NOT EXISTS idx_placed_bets_market ON placed_bets (bookmaker, market_id);

CREATE TABLE IF NOT EXISTS portfolio_snapshots (
  snapshot_id SERIAL PRIMARY KEY, snapshot_time TIMESTAMP NOT NULL, total_value DECIMAL(10,2) NOT NULL,
  cash_balance DECIMAL(10,2), invested_amount DECIMAL(10,2), unrealized_pnl DECIMAL(10,2),
  realized_pnl DECIMAL(10,2), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS idx_portfolio_time ON portfolio_snapshots (snapshot_time);

CREATE TABLE IF NOT EXISTS elo_ratings (
  rating_id SERIAL PRIMARY KEY, sport VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, entity_name VARCHAR NOT NULL,
  rating DECIMAL(10,2) NOT NULL, valid_from DATE NOT NULL, valid_to DATE, games_played INTEGER,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, UNIQUE (sport, entity_id, valid_from));
CREATE INDEX IF NOT EXISTS idx_elo_current ON elo_ratings (sport, entity_id, valid_from);

CREATE TABLE IF NOT EXISTS bet_recommendations (
  recommendation_id SERIAL PRIMARY KEY, sport VARCHAR NOT NULL, game_id VARCHAR REFERENCES unified_games(game_id),
  market_id VARCHAR, recommendation_type VARCHAR, side VARCHAR, confidence DECIMAL(5,4), edge DECIMAL(5,4),
  recommended_stake DECIMAL(10,2), expected_value DECIMAL(10,2), generated_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP, status VARCHAR, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS idx_recs_sport_time ON bet_recommendations (sport, generated_at);
CREATE INDEX IF NOT EXISTS idx_recs_status ON bet_recommendations (status);
`;

export const legacySeedRows = `
INSERT INTO unified_games (game_id, sport, game_date, season, status, home_team_id, home_team_name, away_team_id,
  away_team_name, home_score, away_score, commence_time, venue)
VALUES ('NHL_20240120_LAK_BOS', 'NHL', '2024-01-20', 2023, 'Final', 'BOS', 'Boston Bruins', 'LAK', 'Los Angeles Kings',
  4, 2, '2024-01-21 00:00:00', 'TD Garden');
INSERT INTO game_odds (odds_id, game_id, bookmaker, market_name, outcome_name, price, last_update, external_id)
VALUES ('o1', 'NHL_20240120_LAK_BOS', 'Kalshi', 'moneyline', 'home_team_win', 1.6129, '2024-01-20 18:30:00', 'KXNHLGAME-24JAN20LAKBOS-BOS');
INSERT INTO placed_bets (bet_id, game_id, market_id, bookmaker, outcome, stake, odds, status, placed_time_utc)
VALUES ('b1', 'NHL_20240120_LAK_BOS', 'KXNHLGAME-24JAN20LAKBOS-BOS', 'Kalshi', 'YES', 25.00, 1.6129, 'win', '2024-01-20 19:00:00');
INSERT INTO elo_ratings (sport, entity_id, entity_name, rating, valid_from, games_played)
VALUES ('NHL', 'BOS', 'Boston Bruins', 1560.25, '2024-01-21', 48);
INSERT INTO portfolio_snapshots (snapshot_time, total_value, cash_balance) VALUES ('2024-01-21 01:00:00', 1015.32, 990.00);
INSERT INTO bet_recommendations (sport, game_id, side, confidence, edge, generated_at, status)
VALUES ('NHL', 'NHL_20240120_LAK_BOS', 'home', 0.6400, 0.0200, '2024-01-20 12:00:00', 'executed');
`;
