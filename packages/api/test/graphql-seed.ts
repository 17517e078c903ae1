// Deterministic, realistic rows for the GraphQL tests and bench/graphql.ts: games of an NHL-like
// and an EPL-like league (draws) with odds from several bookmakers, Elo histories, recommendations,
// bets of every status, hourly portfolio snapshots and pipeline runs.
import type { Prisma, PrismaClient } from "../src/graphql/prisma.ts";

export interface SeedOptions {
  /** Days of games from 2025-10-01. @defaultValue 10 */
  days?: number;
  /** Teams per league (even); each plays once a day. @defaultValue 8 */
  teams?: number;
  /** Bookmakers pricing each game. @defaultValue 3 */
  bookmakers?: number;
  /** Hourly portfolio snapshots. @defaultValue 48 */
  snapshots?: number;
}

export interface SeedSummary {
  games: number;
  odds: number;
  ratings: number;
  recommendations: number;
  bets: number;
  snapshots: number;
  pipelineRuns: number;
  /** A few ids the tests use. */
  firstGameId: string;
  firstDay: string;
  lastDay: string;
}

export const SEED_START = "2025-10-01";
const LEAGUES = [
  { sport: "NHL", prefix: "H", outcomes: ["home", "away"] },
  { sport: "EPL", prefix: "S", outcomes: ["home", "draw", "away"] },
] as const;
const BOOKMAKERS = ["draftkings", "fanduel", "betmgm", "caesars", "pinnacle", "bet365"];
const DAY_MS = 86_400_000;

export function dayAfter(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
/** A deterministic 0..1 from integers, so reruns seed identical rows. */
const noise = (...xs: number[]) => {
  const x = Math.sin(xs.reduce((a, b) => a * 31 + b, 7)) * 10_000;
  return x - Math.floor(x);
};

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedGraphqlData(prisma: PrismaClient, opts: SeedOptions = {}): Promise<SeedSummary> {
  const days = opts.days ?? 10;
  const teamCount = opts.teams ?? 8;
  const books = BOOKMAKERS.slice(0, opts.bookmakers ?? 3);
  const games: Prisma.UnifiedGameCreateManyInput[] = [];
  const odds: Prisma.GameOddsCreateManyInput[] = [];
  const quotes: Prisma.OddsQuoteCreateManyInput[] = [];
  const ratings: Prisma.EloRatingCreateManyInput[] = [];
  const recs: Prisma.BetRecommendationCreateManyInput[] = [];
  const bets: Prisma.PlacedBetCreateManyInput[] = [];
  const runs: Prisma.PipelineRunCreateManyInput[] = [];
  const lastDay = dayAfter(SEED_START, days - 1);

  for (const [li, league] of LEAGUES.entries()) {
    const teams = Array.from(
      { length: teamCount },
      (_, i) => `${league.prefix}${String.fromCharCode(65 + i)}T`,
    );
    // A rating row per team per week, the last one current.
    for (const [ti, team] of teams.entries()) {
      for (let week = 0; week * 7 < days; week++) {
        const from = dayAfter(SEED_START, week * 7 - 7);
        const next = (week + 1) * 7 < days ? dayAfter(SEED_START, week * 7) : null;
        ratings.push({
          sport: league.sport,
          entityId: team,
          entityName: `Team ${team}`,
          rating: (1400 + ti * 25 + noise(li, ti, week) * 40).toFixed(2),
          validFrom: asDate(from),
          validTo: next ? asDate(next) : null,
          gamesPlayed: week * 7,
        });
      }
    }
    for (let d = 0; d < days; d++) {
      const day = dayAfter(SEED_START, d);
      for (let g = 0; g < teamCount / 2; g++) {
        const home = teams[(d + g) % teamCount]!;
        const away = teams[(d + g + teamCount / 2) % teamCount]!;
        const gameId = `${league.sport}-${day.replaceAll("-", "")}-${away}-${home}`;
        const final = day < lastDay;
        const commence = new Date(Date.parse(`${day}T19:00:00Z`) + g * 3_600_000);
        games.push({
          gameId,
          sport: league.sport,
          gameDate: asDate(day),
          season: 2025,
          status: final ? "Final" : "Scheduled",
          homeTeamId: home,
          homeTeamName: `Team ${home}`,
          awayTeamId: away,
          awayTeamName: `Team ${away}`,
          homeScore: final ? Math.floor(noise(d, g, 1) * 5) : null,
          awayScore: final ? Math.floor(noise(d, g, 2) * 5) : null,
          commenceTime: commence,
          venue: `Arena ${home}`,
        });
        for (const [bi, book] of books.entries()) {
          for (const [oi, outcome] of league.outcomes.entries()) {
            const row = {
              oddsId: `${gameId}:${book}:h2h:${outcome}`,
              gameId,
              bookmaker: book,
              marketName: "h2h",
              outcomeName: outcome,
              price: (1.5 + noise(d, g, bi, oi) * 2.5).toFixed(4),
              lastUpdate: new Date(commence.getTime() - (bi + 1) * 600_000),
              externalId: `${book}-${d}-${g}-${oi}`,
            };
            odds.push(row);
            // The price history: an opening price a day before, then the current one.
            for (const [qi, at] of [
              row.lastUpdate.getTime() - 86_400_000,
              row.lastUpdate.getTime(),
            ].entries()) {
              quotes.push({
                oddsId: row.oddsId,
                gameId,
                source: book === "kalshi" ? "kalshi" : "the-odds-api",
                bookmaker: book,
                marketName: "h2h",
                outcomeName: outcome,
                price: qi === 0 ? (Number(row.price) + 0.1).toFixed(4) : row.price,
                quotedAt: new Date(at),
                fetchedAt: new Date(at + 60_000),
                lastSeenAt: new Date(at + 120_000),
              });
            }
          }
        }
        const generatedAt = new Date(Date.parse(`${day}T12:00:00Z`) + g * 1000);
        recs.push({
          sport: league.sport,
          gameId,
          marketId: `${gameId}:h2h`,
          recommendationType: "moneyline",
          side: g % 2 === 0 ? "home" : "away",
          confidence: (0.5 + noise(d, g, 3) * 0.3).toFixed(4),
          edge: (0.02 + noise(d, g, 4) * 0.08).toFixed(4),
          recommendedStake: (10 + noise(d, g, 5) * 40).toFixed(2),
          expectedValue: (noise(d, g, 6) * 5).toFixed(2),
          generatedAt,
          expiresAt: commence,
          status: final ? "executed" : "active",
        });
        const status = final ? (["win", "loss", "void"] as const)[(d + g) % 3]! : "pending";
        const stake = (10 + (g % 5) * 5).toFixed(2);
        const price = (1.8 + (g % 4) * 0.15).toFixed(4);
        const payout = (Number(stake) * Number(price)).toFixed(2);
        bets.push({
          betId: `bet-${gameId}`,
          gameId,
          marketId: `${gameId}:h2h`,
          bookmaker: g % 2 === 0 ? "kalshi" : "betmgm",
          outcome: g % 2 === 0 ? "home" : "away",
          stake,
          odds: price,
          potentialPayout: payout,
          status,
          result:
            status === "win"
              ? (Number(payout) - Number(stake)).toFixed(2)
              : status === "loss"
                ? `-${stake}`
                : status === "void"
                  ? "0.00"
                  : null,
          placedTimeUtc: new Date(generatedAt.getTime() + 60_000),
          marketTitle: `${away} at ${home}`,
          openingOdds: price,
        });
      }
      for (const step of ["download_games", "fetch_markets", "update_elo", "identify_bets"]) {
        runs.push({
          dag: "multi_sport_betting_workflow",
          sport: league.sport,
          step,
          runDate: asDate(day),
          status: "succeeded",
          jobKey: `seed:${league.sport}:${day}:${step}`,
          queuedAt: new Date(Date.parse(`${day}T06:00:00Z`)),
          startedAt: new Date(Date.parse(`${day}T06:00:01Z`)),
          finishedAt: new Date(Date.parse(`${day}T06:00:05Z`)),
          rowsWritten: 10,
        });
      }
    }
  }
  const snapshots = Array.from({ length: opts.snapshots ?? 48 }, (_, h) => ({
    snapshotTime: new Date(Date.parse(`${SEED_START}T00:00:00Z`) + h * 3_600_000),
    totalValue: (1000 + h * 1.25).toFixed(2),
    cashBalance: (800 + h).toFixed(2),
    investedAmount: "200.00",
    unrealizedPnl: "0.00",
    realizedPnl: (h * 0.25).toFixed(2),
  }));

  await inChunks(games, 1000, (data) => prisma.unifiedGame.createMany({ data }));
  await inChunks(odds, 2000, (data) => prisma.gameOdds.createMany({ data }));
  await inChunks(quotes, 2000, (data) => prisma.oddsQuote.createMany({ data }));
  await inChunks(ratings, 2000, (data) => prisma.eloRating.createMany({ data }));
  await inChunks(recs, 2000, (data) => prisma.betRecommendation.createMany({ data }));
  await inChunks(bets, 2000, (data) => prisma.placedBet.createMany({ data }));
  await inChunks(snapshots, 2000, (data) => prisma.portfolioSnapshot.createMany({ data }));
  await inChunks(runs, 2000, (data) => prisma.pipelineRun.createMany({ data }));
  return {
    games: games.length,
    odds: odds.length,
    ratings: ratings.length,
    recommendations: recs.length,
    bets: bets.length,
    snapshots: snapshots.length,
    pipelineRuns: runs.length,
    firstGameId: games[0]!.gameId,
    firstDay: SEED_START,
    lastDay,
  };
}
