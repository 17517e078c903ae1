// Small histories for the backtest's tests: games and quotes written by hand, an even Elo model
// (no home advantage, so a first game is a coin flip the tests can price by hand).
import { eloModel, type RecommendationThresholds } from "@edgeline/sdk";
import type { ResolvedSportModel } from "../forecast/sport-forecaster.ts";
import type { BacktestGame, BacktestQuote } from "./history.ts";

export const evenElo = eloModel({
  name: "even-test",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 0,
});

export const evenModel: ResolvedSportModel = {
  elo: evenElo,
  betting: "elo",
  blend: { minGames: 100, defaultWeight: 1, shrinkage: 0 },
};

export const THRESHOLDS: RecommendationThresholds = {
  minEdge: 0.02,
  maxEdge: 0.25,
  minOdds: 1.2,
  maxOdds: 6,
  maxPerDay: 10,
};

export function btGame(
  gameId: string,
  date: string,
  home: string,
  away: string,
  score: [number, number] | null,
  hour = 19,
): BacktestGame {
  return {
    gameId,
    date,
    season: Number(date.slice(0, 4)),
    commenceTime: new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`),
    status: score ? "Final" : "Scheduled",
    home,
    away,
    homeScore: score?.[0] ?? null,
    awayScore: score?.[1] ?? null,
  };
}

export function btQuote(
  gameId: string,
  bookmaker: string,
  outcome: BacktestQuote["outcome"],
  price: number,
  at: string,
  market: BacktestQuote["market"] = "moneyline",
  line: number | null = null,
): BacktestQuote {
  return {
    gameId,
    bookmaker,
    market,
    outcome,
    price,
    line,
    lastUpdate: new Date(at),
    marketId: `${bookmaker}:${gameId}:${market}:${outcome}`,
  };
}
