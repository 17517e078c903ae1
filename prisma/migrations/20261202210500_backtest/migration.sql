-- AlterTable
ALTER TABLE "placed_bets" ADD COLUMN     "line" DECIMAL(10,4),
ADD COLUMN     "market_name" VARCHAR;

-- AlterTable
ALTER TABLE "bet_recommendations" ADD COLUMN     "blend_weight" DECIMAL(5,4),
ADD COLUMN     "market_probability" DECIMAL(5,4),
ADD COLUMN     "model_probability" DECIMAL(5,4),
ADD COLUMN     "reason" VARCHAR;

-- CreateTable
CREATE TABLE "backtest_runs" (
    "run_id" BIGSERIAL NOT NULL,
    "sport" VARCHAR NOT NULL,
    "strategy" VARCHAR NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE NOT NULL,
    "parameters" JSONB NOT NULL,
    "model" VARCHAR NOT NULL,
    "starting_bankroll" DECIMAL(14,2) NOT NULL,
    "ending_bankroll" DECIMAL(14,2) NOT NULL,
    "bets" INTEGER NOT NULL,
    "turnover" DECIMAL(14,2) NOT NULL,
    "profit" DECIMAL(14,2) NOT NULL,
    "yield" DECIMAL(10,6),
    "roi" DECIMAL(10,6) NOT NULL,
    "max_drawdown" DECIMAL(10,6) NOT NULL,
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "backtest_runs_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "backtest_curve_points" (
    "run_id" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "bankroll" DECIMAL(14,2) NOT NULL,
    "staked" DECIMAL(14,2) NOT NULL,
    "profit" DECIMAL(14,2) NOT NULL,
    "bets" INTEGER NOT NULL,

    CONSTRAINT "backtest_curve_points_pkey" PRIMARY KEY ("run_id","day")
);

-- CreateIndex
CREATE INDEX "backtest_runs_sport_created_at_idx" ON "backtest_runs"("sport", "created_at");

-- AddForeignKey
ALTER TABLE "backtest_curve_points" ADD CONSTRAINT "backtest_curve_points_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "backtest_runs"("run_id") ON DELETE CASCADE ON UPDATE NO ACTION;
