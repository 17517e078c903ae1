-- CreateTable
CREATE TABLE "unified_games" (
    "game_id" VARCHAR NOT NULL,
    "sport" VARCHAR NOT NULL,
    "game_date" DATE NOT NULL,
    "season" INTEGER,
    "status" VARCHAR,
    "home_team_id" VARCHAR,
    "home_team_name" VARCHAR,
    "away_team_id" VARCHAR,
    "away_team_name" VARCHAR,
    "home_score" INTEGER,
    "away_score" INTEGER,
    "commence_time" TIMESTAMPTZ(6),
    "venue" VARCHAR,
    "loaded_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unified_games_pkey" PRIMARY KEY ("game_id")
);

-- CreateTable
CREATE TABLE "game_odds" (
    "odds_id" VARCHAR NOT NULL,
    "game_id" VARCHAR NOT NULL,
    "bookmaker" VARCHAR NOT NULL,
    "market_name" VARCHAR NOT NULL,
    "outcome_name" VARCHAR,
    "price" DECIMAL(10,4) NOT NULL,
    "line" DECIMAL(10,4),
    "last_update" TIMESTAMPTZ(6),
    "is_pregame" BOOLEAN DEFAULT true,
    "loaded_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "external_id" VARCHAR,

    CONSTRAINT "game_odds_pkey" PRIMARY KEY ("odds_id")
);

-- CreateTable
CREATE TABLE "placed_bets" (
    "bet_id" VARCHAR NOT NULL,
    "game_id" VARCHAR,
    "market_id" VARCHAR NOT NULL,
    "bookmaker" VARCHAR NOT NULL,
    "outcome" VARCHAR NOT NULL,
    "stake" DECIMAL(10,2) NOT NULL,
    "odds" DECIMAL(10,4) NOT NULL,
    "potential_payout" DECIMAL(10,2),
    "status" VARCHAR,
    "result" DECIMAL(10,2),
    "placed_time_utc" TIMESTAMPTZ(6),
    "market_title" VARCHAR,
    "market_close_time_utc" TIMESTAMPTZ(6),
    "opening_odds" DECIMAL(10,4),
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "placed_bets_pkey" PRIMARY KEY ("bet_id")
);

-- CreateTable
CREATE TABLE "portfolio_snapshots" (
    "snapshot_id" SERIAL NOT NULL,
    "snapshot_time" TIMESTAMPTZ(6) NOT NULL,
    "total_value" DECIMAL(10,2) NOT NULL,
    "cash_balance" DECIMAL(10,2),
    "invested_amount" DECIMAL(10,2),
    "unrealized_pnl" DECIMAL(10,2),
    "realized_pnl" DECIMAL(10,2),
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolio_snapshots_pkey" PRIMARY KEY ("snapshot_id")
);

-- CreateTable
CREATE TABLE "elo_ratings" (
    "rating_id" SERIAL NOT NULL,
    "sport" VARCHAR NOT NULL,
    "entity_id" VARCHAR NOT NULL,
    "entity_name" VARCHAR NOT NULL,
    "rating" DECIMAL(10,2) NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "games_played" INTEGER,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "elo_ratings_pkey" PRIMARY KEY ("rating_id")
);

-- CreateTable
CREATE TABLE "bet_recommendations" (
    "recommendation_id" SERIAL NOT NULL,
    "sport" VARCHAR NOT NULL,
    "game_id" VARCHAR,
    "market_id" VARCHAR,
    "recommendation_type" VARCHAR,
    "side" VARCHAR,
    "confidence" DECIMAL(5,4),
    "edge" DECIMAL(5,4),
    "recommended_stake" DECIMAL(10,2),
    "expected_value" DECIMAL(10,2),
    "generated_at" TIMESTAMPTZ(6) NOT NULL,
    "expires_at" TIMESTAMPTZ(6),
    "status" VARCHAR,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bet_recommendations_pkey" PRIMARY KEY ("recommendation_id")
);

-- CreateTable
CREATE TABLE "pipeline_runs" (
    "run_id" BIGSERIAL NOT NULL,
    "dag" VARCHAR NOT NULL,
    "sport" VARCHAR,
    "step" VARCHAR NOT NULL,
    "run_date" DATE NOT NULL,
    "status" VARCHAR NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "job_key" VARCHAR,
    "queued_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "rows_written" INTEGER,
    "error" TEXT,

    CONSTRAINT "pipeline_runs_pkey" PRIMARY KEY ("run_id")
);

-- CreateIndex
CREATE INDEX "unified_games_sport_game_date_idx" ON "unified_games"("sport", "game_date");

-- CreateIndex
CREATE INDEX "unified_games_home_team_id_away_team_id_idx" ON "unified_games"("home_team_id", "away_team_id");

-- CreateIndex
CREATE INDEX "unified_games_status_idx" ON "unified_games"("status");

-- CreateIndex
CREATE INDEX "game_odds_game_id_idx" ON "game_odds"("game_id");

-- CreateIndex
CREATE INDEX "game_odds_bookmaker_market_name_idx" ON "game_odds"("bookmaker", "market_name");

-- CreateIndex
CREATE INDEX "game_odds_last_update_idx" ON "game_odds"("last_update");

-- CreateIndex
CREATE INDEX "placed_bets_placed_time_utc_idx" ON "placed_bets"("placed_time_utc");

-- CreateIndex
CREATE INDEX "placed_bets_status_idx" ON "placed_bets"("status");

-- CreateIndex
CREATE INDEX "placed_bets_bookmaker_market_id_idx" ON "placed_bets"("bookmaker", "market_id");

-- CreateIndex
CREATE INDEX "placed_bets_game_id_idx" ON "placed_bets"("game_id");

-- CreateIndex
CREATE INDEX "portfolio_snapshots_snapshot_time_idx" ON "portfolio_snapshots"("snapshot_time");

-- CreateIndex
CREATE UNIQUE INDEX "elo_ratings_sport_entity_id_valid_from_key" ON "elo_ratings"("sport", "entity_id", "valid_from");

-- CreateIndex
CREATE INDEX "bet_recommendations_sport_generated_at_idx" ON "bet_recommendations"("sport", "generated_at");

-- CreateIndex
CREATE INDEX "bet_recommendations_status_idx" ON "bet_recommendations"("status");

-- CreateIndex
CREATE INDEX "bet_recommendations_game_id_idx" ON "bet_recommendations"("game_id");

-- CreateIndex
CREATE INDEX "pipeline_runs_sport_run_date_idx" ON "pipeline_runs"("sport", "run_date");

-- CreateIndex
CREATE INDEX "pipeline_runs_status_idx" ON "pipeline_runs"("status");

-- CreateIndex
CREATE INDEX "pipeline_runs_job_key_idx" ON "pipeline_runs"("job_key");

-- AddForeignKey
ALTER TABLE "game_odds" ADD CONSTRAINT "game_odds_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "unified_games"("game_id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "placed_bets" ADD CONSTRAINT "placed_bets_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "unified_games"("game_id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "bet_recommendations" ADD CONSTRAINT "bet_recommendations_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "unified_games"("game_id") ON DELETE NO ACTION ON UPDATE NO ACTION;
