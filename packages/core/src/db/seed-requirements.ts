// The keys, indexes and constraints that the original system's documentation requires
// (shared seed database-schema.md), plus the two foreign-key indexes its gaps call for. `db check`
// verifies these independently of the Prisma schema, as the seed's check_schema.py did.

export type SeedRequirement =
  | { table: string; kind: "primary_key"; columns: string[] }
  | { table: string; kind: "index"; columns: string[]; why?: string }
  | { table: string; kind: "unique"; columns: string[] }
  | { table: string; kind: "foreign_key"; columns: string[]; refTable: string; refColumns: string[] };

const fkToGames = (table: string): SeedRequirement => ({
  table,
  kind: "foreign_key",
  columns: ["game_id"],
  refTable: "unified_games",
  refColumns: ["game_id"],
});

export const seedRequirements: SeedRequirement[] = [
  { table: "unified_games", kind: "primary_key", columns: ["game_id"] },
  { table: "unified_games", kind: "index", columns: ["sport", "game_date"] },
  { table: "unified_games", kind: "index", columns: ["home_team_id", "away_team_id"] },
  { table: "unified_games", kind: "index", columns: ["status"] },

  { table: "game_odds", kind: "primary_key", columns: ["odds_id"] },
  fkToGames("game_odds"),
  { table: "game_odds", kind: "index", columns: ["game_id"] },
  { table: "game_odds", kind: "index", columns: ["bookmaker", "market_name"] },
  { table: "game_odds", kind: "index", columns: ["last_update"] },

  { table: "placed_bets", kind: "primary_key", columns: ["bet_id"] },
  fkToGames("placed_bets"),
  { table: "placed_bets", kind: "index", columns: ["placed_time_utc"] },
  { table: "placed_bets", kind: "index", columns: ["status"] },
  { table: "placed_bets", kind: "index", columns: ["bookmaker", "market_id"] },
  { table: "placed_bets", kind: "index", columns: ["game_id"], why: "foreign key lookups (schema notes)" },

  { table: "portfolio_snapshots", kind: "primary_key", columns: ["snapshot_id"] },
  { table: "portfolio_snapshots", kind: "index", columns: ["snapshot_time"] },

  { table: "elo_ratings", kind: "primary_key", columns: ["rating_id"] },
  { table: "elo_ratings", kind: "index", columns: ["sport", "entity_id", "valid_from"] },
  { table: "elo_ratings", kind: "unique", columns: ["sport", "entity_id", "valid_from"] },

  { table: "bet_recommendations", kind: "primary_key", columns: ["recommendation_id"] },
  fkToGames("bet_recommendations"),
  { table: "bet_recommendations", kind: "index", columns: ["sport", "generated_at"] },
  { table: "bet_recommendations", kind: "index", columns: ["status"] },
  {
    table: "bet_recommendations",
    kind: "index",
    columns: ["game_id"],
    why: "foreign key lookups (schema notes)",
  },
];
