// The Odds API's part of the demo: `/v4/sports/{sport}/odds` events of four US books for the
// window's upcoming games, priced around the demo's true probabilities with each book's margin,
// and `/v4/historical/.../odds` snapshots of the played days (three hours before each day's first
// game and five minutes before each start), whose prices wander further from the truth the further
// the game is away, as real lines do before they settle at the close.
import { type DemoGame, demoTeamName as fullName, hexId, type Random, type SourceDemo } from "@edgeline/sdk";
import type { OddsApiSportOptions } from "./odds-api-source-options.ts";

const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");

const BOOKS = [
  { key: "draftkings", title: "DraftKings", margin: 0.045 },
  { key: "fanduel", title: "FanDuel", margin: 0.04 },
  { key: "betmgm", title: "BetMGM", margin: 0.05 },
  { key: "williamhill_us", title: "Caesars", margin: 0.05 },
];

/** Decimal odds of a book on these probabilities: margin spread proportionally, noise, 2 dp. */
function price(p: number, margin: number, random: Random): number {
  const noisy = Math.min(0.97, Math.max(0.03, p * (1 + margin) + (random.next() - 0.5) * 0.03));
  return Math.round((1 / noisy) * 100) / 100;
}

const HOUR_MS = 3_600_000;

/**
 * How far a book's view of the home side wanders from the truth `hours` before the start: ±1.5
 * points at the close, ±3 two hours out, ±7.5 a day out (lines move most early, then settle).
 */
export function priceWander(hours: number): number {
  return 0.015 + 0.06 * Math.sqrt(Math.min(1, Math.max(0, hours) / 24));
}

/**
 * A snapshot's 1X2 of one book: its view of the game (the truth shifted between home and away by
 * the wander of the hours left) priced with its margin, so its prices always carry that margin.
 */
function snapshotH2h(
  game: DemoGame,
  home: string,
  away: string,
  margin: number,
  hours: number,
  random: Random,
) {
  const shift = (random.next() - 0.5) * 2 * priceWander(hours);
  const pHome = Math.min(0.95, Math.max(0.03, game.pHome + shift));
  const pAway = Math.max(0.03, 1 - game.pDraw - pHome);
  const odds = (p: number) => Math.max(1.01, Math.floor((1 / (p * (1 + margin))) * 100) / 100);
  return [
    { name: home, price: odds(pHome) },
    { name: away, price: odds(pAway) },
    ...(game.pDraw > 0 ? [{ name: "Draw", price: odds(game.pDraw) }] : []),
  ];
}

/** One `/v4/sports/{sport}/odds` event (oddsFormat=decimal, markets h2h,spreads,totals). */
export function oddsApiEvent(
  game: DemoGame,
  lines: { spread?: number; total?: number },
  sportKey: string,
  random: Random,
  observedAt: Date,
  /** A snapshot's quote time; by default an hour before the start or the observation, whichever is first. */
  quotedAt?: Date,
) {
  const home = fullName(game.home);
  const away = fullName(game.away);
  const quoted = quotedAt ?? new Date(Math.min(observedAt.getTime(), game.start.getTime() - HOUR_MS));
  const lastUpdate = iso(quoted);
  const bookmakers = BOOKS.map((book) => {
    const h2h = quotedAt
      ? snapshotH2h(
          game,
          home,
          away,
          book.margin,
          (game.start.getTime() - quotedAt.getTime()) / HOUR_MS,
          random,
        )
      : [
          { name: home, price: price(game.pHome, book.margin, random) },
          { name: away, price: price(game.pAway, book.margin, random) },
          ...(game.pDraw > 0 ? [{ name: "Draw", price: price(game.pDraw, book.margin, random) }] : []),
        ];
    const { spread, total } = lines;
    const markets = [
      { key: "h2h", last_update: lastUpdate, outcomes: h2h },
      ...(spread === undefined
        ? []
        : [
            {
              key: "spreads",
              last_update: lastUpdate,
              outcomes: [
                { name: home, price: price(0.5, book.margin, random), point: spread },
                { name: away, price: price(0.5, book.margin, random), point: -spread },
              ],
            },
          ]),
      ...(total === undefined
        ? []
        : [
            {
              key: "totals",
              last_update: lastUpdate,
              outcomes: [
                { name: "Over", price: price(0.5, book.margin, random), point: total },
                { name: "Under", price: price(0.5, book.margin, random), point: total },
              ],
            },
          ]),
    ];
    return { key: book.key, title: book.title, last_update: lastUpdate, markets };
  });
  return {
    id: hexId(`${game.sport.toLowerCase()}:${game.date}:${game.away.id}@${game.home.id}`),
    sport_key: sportKey,
    sport_title: game.sport,
    commence_time: iso(game.start),
    home_team: home,
    away_team: away,
    bookmakers,
  };
}

/** The demo's snapshot instants: three hours before each played day's first game, five minutes before each start. */
export function historyInstants(played: readonly DemoGame[]): Date[] {
  const times = new Set<number>();
  const firstOfDay = new Map<string, number>();
  for (const g of played) {
    const t = g.start.getTime();
    firstOfDay.set(g.date, Math.min(firstOfDay.get(g.date) ?? t, t));
    times.add(t - 5 * 60_000);
  }
  for (const first of firstOfDay.values()) times.add(first - 3 * HOUR_MS);
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

/** Hours ahead a snapshot lists games (the real one lists every upcoming event). */
const SNAPSHOT_HORIZON_MS = 36 * HOUR_MS;

/** Quotes the main lines the sport's demo league sets (none: moneyline only). */
export const oddsApiDemo: SourceDemo<OddsApiSportOptions> = {
  async writeMarkets({ league, options, games, random, observedAt }, write) {
    // /odds lists upcoming games only, like the real endpoint.
    const upcoming = games.filter((g) => g.result === null);
    await write(
      "the-odds-api",
      `odds-${options.sportKey}-us-decimal-demo.json`,
      upcoming.map((g) => oddsApiEvent(g, league.lines?.(g) ?? {}, options.sportKey, random, observedAt)),
    );
    const played = games.filter((g) => g.result !== null);
    for (const at of historyInstants(played)) {
      const listed = played.filter(
        (g) => g.start.getTime() > at.getTime() && g.start.getTime() <= at.getTime() + SNAPSHOT_HORIZON_MS,
      );
      // Each book's quote was last updated a couple of minutes before the snapshot.
      const quotedAt = new Date(at.getTime() - 2 * 60_000);
      await write(
        "the-odds-api",
        `historical-odds-${options.sportKey}-${iso(at).slice(0, 16).replace(":", "-")}.json`,
        {
          timestamp: iso(at),
          previous_timestamp: null,
          next_timestamp: null,
          data: listed.map((g) =>
            oddsApiEvent(g, league.lines?.(g) ?? {}, options.sportKey, random, observedAt, quotedAt),
          ),
        },
      );
    }
  },
};
