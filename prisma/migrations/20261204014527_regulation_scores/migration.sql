-- AlterTable
ALTER TABLE "unified_games" ADD COLUMN     "away_regulation_score" INTEGER,
ADD COLUMN     "home_regulation_score" INTEGER;
