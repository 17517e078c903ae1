-- AlterTable
ALTER TABLE "placed_bets" ADD COLUMN     "closed_at" TIMESTAMPTZ(6),
ADD COLUMN     "closing_odds" DECIMAL(10,4),
ADD COLUMN     "closing_probability" DECIMAL(5,4),
ADD COLUMN     "clv" DECIMAL(10,4),
ADD COLUMN     "clv_consensus" DECIMAL(10,4),
ADD COLUMN     "contracts" INTEGER,
ADD COLUMN     "fees" DECIMAL(10,2),
ADD COLUMN     "min_odds" DECIMAL(10,4),
ADD COLUMN     "recommendation_id" INTEGER,
ADD COLUMN     "trading_mode" VARCHAR NOT NULL DEFAULT 'paper',
ADD COLUMN     "venue" VARCHAR;

-- CreateTable
CREATE TABLE "bet_status_changes" (
    "change_id" BIGSERIAL NOT NULL,
    "bet_id" VARCHAR NOT NULL,
    "from_status" VARCHAR,
    "to_status" VARCHAR NOT NULL,
    "changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" VARCHAR NOT NULL,

    CONSTRAINT "bet_status_changes_pkey" PRIMARY KEY ("change_id")
);

-- CreateTable
CREATE TABLE "order_refusals" (
    "refusal_id" BIGSERIAL NOT NULL,
    "recommendation_id" INTEGER NOT NULL,
    "sport" VARCHAR NOT NULL,
    "run_date" DATE NOT NULL,
    "venue" VARCHAR,
    "rule" VARCHAR NOT NULL,
    "reason" VARCHAR NOT NULL,
    "stake" DECIMAL(10,2),
    "refused_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_refusals_pkey" PRIMARY KEY ("refusal_id")
);

-- CreateTable
CREATE TABLE "trading_switch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "reason" VARCHAR,
    "changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_by" VARCHAR,

    CONSTRAINT "trading_switch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bet_status_changes_bet_id_changed_at_idx" ON "bet_status_changes"("bet_id", "changed_at");

-- CreateIndex
CREATE INDEX "order_refusals_refused_at_idx" ON "order_refusals"("refused_at");

-- CreateIndex
CREATE UNIQUE INDEX "order_refusals_recommendation_id_rule_run_date_key" ON "order_refusals"("recommendation_id", "rule", "run_date");

-- CreateIndex
CREATE UNIQUE INDEX "placed_bets_recommendation_id_key" ON "placed_bets"("recommendation_id");

-- AddForeignKey
ALTER TABLE "placed_bets" ADD CONSTRAINT "placed_bets_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "bet_recommendations"("recommendation_id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "bet_status_changes" ADD CONSTRAINT "bet_status_changes_bet_id_fkey" FOREIGN KEY ("bet_id") REFERENCES "placed_bets"("bet_id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_refusals" ADD CONSTRAINT "order_refusals_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "bet_recommendations"("recommendation_id") ON DELETE CASCADE ON UPDATE NO ACTION;
