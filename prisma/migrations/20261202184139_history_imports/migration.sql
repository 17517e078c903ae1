-- AlterTable
ALTER TABLE "unified_games" ADD COLUMN     "is_playoff" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "neutral_site" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "external_forecasts" (
    "game_id" VARCHAR NOT NULL,
    "source" VARCHAR NOT NULL,
    "home_win_probability" DOUBLE PRECISION NOT NULL,
    "away_win_probability" DOUBLE PRECISION NOT NULL,
    "overtime_probability" DOUBLE PRECISION,
    "home_rating" DOUBLE PRECISION,
    "away_rating" DOUBLE PRECISION,
    "loaded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_forecasts_pkey" PRIMARY KEY ("game_id","source")
);

-- AddForeignKey
ALTER TABLE "external_forecasts" ADD CONSTRAINT "external_forecasts_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "unified_games"("game_id") ON DELETE NO ACTION ON UPDATE NO ACTION;
