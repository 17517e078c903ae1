// The Odds API's part of the demo: `/v4/sports/{sport}/odds` events of four US books for the
// window's upcoming games, priced around the demo's true probabilities with each book's margin.
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

/** One `/v4/sports/{sport}/odds` event (oddsFormat=decimal, markets h2h,spreads,totals). */
export function oddsApiEvent(
  game: DemoGame,
  lines: { spread?: number; total?: number },
  sportKey: string,
  random: Random,
  observedAt: Date,
) {
  const home = fullName(game.home);
  const away = fullName(game.away);
  const lastUpdate = iso(new Date(Math.min(observedAt.getTime(), game.start.getTime() - 3_600_000)));
  const bookmakers = BOOKS.map((book) => {
    const h2h = [
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
  },
};
