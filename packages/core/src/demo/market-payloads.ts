import type { DemoGame } from "./demo-calendar.ts";
import { type DemoTeam, fullName } from "./demo-leagues.ts";
import { hexId, type Random } from "./seeded-random.ts";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
const dollars = (p: number) => p.toFixed(4);
const clampCents = (p: number) => Math.min(0.99, Math.max(0.01, Math.round(p * 100) / 100));
const kalshiCode = (t: DemoTeam) => t.kalshiCode ?? t.code;

/** `KXNHLGAME-26NOV28BOSTOR`: series, YY MON DD (local day), AWAY then HOME code. */
export function kalshiEventTicker(series: string, game: DemoGame): string {
  const [y, m, d] = game.date.split("-");
  return `${series}-${y!.slice(2)}${MONTHS[Number(m) - 1]}${d}${kalshiCode(game.away)}${kalshiCode(game.home)}`;
}

/**
 * Kalshi game-winner markets, one per team, in the v3.13 Market shape (dollar strings, `_fp`
 * counts). Open games are `active` with a one-cent spread around the true probability plus noise;
 * played games are `finalized` with their result.
 */
export function kalshiMarkets(series: string, game: DemoGame, random: Random) {
  const event = kalshiEventTicker(series, game);
  const close = new Date(game.start.getTime() + 14 * 86_400_000);
  const expected = new Date(game.start.getTime() + 3 * 3_600_000);
  const title = `${fullName(game.away)} vs ${fullName(game.home)}`;
  return (["home", "away"] as const).map((side) => {
    const team = side === "home" ? game.home : game.away;
    const other = side === "home" ? game.away : game.home;
    const p = side === "home" ? game.pHome : game.pAway;
    const ask = clampCents(p + 0.01 + (random.next() - 0.5) * 0.04);
    const bid = clampCents(ask - 0.01);
    const won = game.result ? game.result[side] > game.result[side === "home" ? "away" : "home"] : undefined;
    return {
      can_close_early: true,
      close_time: iso(close),
      created_time: iso(new Date(game.start.getTime() - 9 * 86_400_000)),
      early_close_condition: "This market will close and expire after a winner is declared.",
      event_ticker: event,
      expected_expiration_time: iso(expected),
      expiration_time: iso(close),
      expiration_value: "",
      last_price_dollars: dollars(ask),
      latest_expiration_time: iso(close),
      market_type: "binary",
      no_ask_dollars: dollars(clampCents(1 - bid)),
      no_bid_dollars: dollars(clampCents(1 - ask)),
      no_sub_title: other.place,
      notional_value_dollars: "1.0000",
      occurrence_datetime: iso(expected),
      open_interest_fp: (1000 + random.int(0, 90_000)).toFixed(2),
      open_time: iso(new Date(game.start.getTime() - 9 * 86_400_000)),
      previous_price_dollars: dollars(clampCents(ask - 0.02)),
      price_level_structure: "linear_cent",
      price_ranges: [{ end: "1.0000", start: "0.0000", step: "0.0100" }],
      result: won === undefined ? "" : won ? "yes" : "no",
      rules_primary: `If ${team.place} wins the ${title} game originally scheduled for ${game.date}, then the market resolves to Yes.`,
      rules_secondary: "",
      settlement_timer_seconds: 300,
      status: game.result ? "finalized" : "active",
      strike_type: "structured",
      ticker: `${event}-${kalshiCode(team)}`,
      title: `${title} winner?`,
      updated_time: iso(new Date(game.start.getTime() - 86_400_000)),
      volume_24h_fp: random.int(100, 50_000).toFixed(2),
      volume_fp: random.int(1_000, 200_000).toFixed(2),
      yes_ask_dollars: dollars(ask),
      yes_ask_size_fp: random.int(50, 5_000).toFixed(2),
      yes_bid_dollars: dollars(bid),
      yes_bid_size_fp: random.int(50, 5_000).toFixed(2),
      yes_sub_title: team.place,
    };
  });
}

export function kalshiEvent(series: string, game: DemoGame) {
  return {
    category: "Sports",
    collateral_return_type: "MECNET",
    event_ticker: kalshiEventTicker(series, game),
    mutually_exclusive: true,
    series_ticker: series,
    strike_period: "",
    sub_title: `${kalshiCode(game.away)} vs ${kalshiCode(game.home)} (${game.date})`,
    title: `${fullName(game.away)} vs ${fullName(game.home)}`,
  };
}

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

/** The main line of a sport: puck line ±1.5, NFL spread from the win probability, soccer has none. */
function spreadFor(game: DemoGame): number | undefined {
  if (game.league.key === "nhl") return game.pHome >= game.pAway ? -1.5 : 1.5;
  if (game.league.key === "nfl") return -Math.round((game.pHome - 0.5) * 28 * 2) / 2 || -0.5;
  return undefined;
}

const TOTALS: Record<string, number> = { nhl: 6.5, nfl: 44.5, epl: 2.5 };

/** One `/v4/sports/{sport}/odds` event (oddsFormat=decimal, markets h2h,spreads,totals). */
export function oddsApiEvent(game: DemoGame, random: Random, observedAt: Date) {
  const home = fullName(game.home);
  const away = fullName(game.away);
  const lastUpdate = iso(new Date(Math.min(observedAt.getTime(), game.start.getTime() - 3_600_000)));
  const bookmakers = BOOKS.map((book) => {
    const h2h = [
      { name: home, price: price(game.pHome, book.margin, random) },
      { name: away, price: price(game.pAway, book.margin, random) },
      ...(game.pDraw > 0 ? [{ name: "Draw", price: price(game.pDraw, book.margin, random) }] : []),
    ];
    const spread = spreadFor(game);
    const total = TOTALS[game.league.key]!;
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
      {
        key: "totals",
        last_update: lastUpdate,
        outcomes: [
          { name: "Over", price: price(0.5, book.margin, random), point: total },
          { name: "Under", price: price(0.5, book.margin, random), point: total },
        ],
      },
    ];
    return { key: book.key, title: book.title, last_update: lastUpdate, markets };
  });
  return {
    id: hexId(`${game.league.key}:${game.date}:${game.away.code}@${game.home.code}`),
    sport_key: game.league.oddsApiSportKey,
    sport_title: game.league.key.toUpperCase(),
    commence_time: iso(game.start),
    home_team: home,
    away_team: away,
    bookmakers,
  };
}
