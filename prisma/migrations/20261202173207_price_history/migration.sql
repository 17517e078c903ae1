-- AlterTable
ALTER TABLE "bet_recommendations" ADD COLUMN     "bookmaker" VARCHAR,
ADD COLUMN     "contracts" INTEGER,
ADD COLUMN     "line" DECIMAL(10,4),
ADD COLUMN     "price" DECIMAL(10,4),
ADD COLUMN     "quote_id" BIGINT,
ADD COLUMN     "quoted_at" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "odds_quotes" (
    "quote_id" BIGSERIAL NOT NULL,
    "odds_id" VARCHAR NOT NULL,
    "game_id" VARCHAR NOT NULL,
    "source" VARCHAR NOT NULL,
    "bookmaker" VARCHAR NOT NULL,
    "market_name" VARCHAR NOT NULL,
    "outcome_name" VARCHAR NOT NULL,
    "line" DECIMAL(10,4),
    "price" DECIMAL(10,4),
    "quoted_at" TIMESTAMPTZ(6) NOT NULL,
    "fetched_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "external_id" VARCHAR,

    CONSTRAINT "odds_quotes_pkey" PRIMARY KEY ("quote_id")
);

-- CreateIndex
CREATE INDEX "odds_quotes_game_id_quoted_at_idx" ON "odds_quotes"("game_id", "quoted_at");

-- CreateIndex
CREATE UNIQUE INDEX "odds_quotes_odds_id_quoted_at_key" ON "odds_quotes"("odds_id", "quoted_at");

-- AddForeignKey
ALTER TABLE "odds_quotes" ADD CONSTRAINT "odds_quotes_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "unified_games"("game_id") ON DELETE NO ACTION ON UPDATE NO ACTION;
