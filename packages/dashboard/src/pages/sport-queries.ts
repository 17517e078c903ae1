// The Sport page's operations: a day's games with prices and the model, the leaderboard, and one
// entity's rating history.
import { allPages, request } from "../graphql/client.ts";
import { graphql, type ResultOf } from "../graphql/graphql.ts";

const GamesQuery = graphql(`
  query SportGames($sport: String!, $date: Date!, $after: String) {
    games(sport: $sport, from: $date, to: $date, first: 25, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id date commenceTime status venue
          home { entityId name score }
          away { entityId name score }
          modelProbabilities { home away draw homeRating awayRating }
          odds(market: "moneyline") { bookmaker outcome price lastUpdate }
        }
      }
    }
  }
`);

export type SportGame = ResultOf<typeof GamesQuery>["games"]["edges"][number]["node"];

export function loadGames(sport: string, date: string, signal: AbortSignal) {
  return allPages(async (after) => (await request(GamesQuery, { sport, date, after }, signal)).games, 20);
}

const LeaderboardQuery = graphql(`
  query SportLeaderboard($sport: String!) {
    sports { code name }
    leaderboard(sport: $sport, first: 100) {
      totalCount
      edges { node { id entityId entityName rating gamesPlayed validFrom } }
    }
  }
`);

export function loadLeaderboard(sport: string, signal: AbortSignal) {
  return request(LeaderboardQuery, { sport }, signal);
}

const HistoryQuery = graphql(`
  query RatingHistory($sport: String!, $entityId: String!, $after: String) {
    eloRatings(sport: $sport, entityId: $entityId, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id entityName rating validFrom validTo gamesPlayed } }
    }
  }
`);

/** Every rating row of one entity, oldest first. */
export async function loadHistory(sport: string, entityId: string, signal: AbortSignal) {
  const { nodes } = await allPages(
    async (after) => (await request(HistoryQuery, { sport, entityId, after }, signal)).eloRatings,
  );
  return nodes.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}
