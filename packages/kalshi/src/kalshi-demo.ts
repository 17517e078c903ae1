// Kalshi's part of the demo: game-winner markets and events in the Trade API v2 shapes, for every
// game of the window, priced around the demo's true probabilities, and the trades of the played
// games' markets over the day before their start (the history a backfill reads), wandering
// further from the truth the further the game is away.
import {
  type DemoGame,
  type DemoTeam,
  demoTeamCode,
  demoTeamName as fullName,
  type Random,
  type SourceDemo,
} from "@edgeline/sdk";
import type { KalshiSportOptions } from "./kalshi-source-options.ts";
import { eventTicker } from "./kalshi-ticker.ts";

const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
const dollars = (p: number) => p.toFixed(4);
const clampCents = (p: number) => Math.min(0.99, Math.max(0.01, Math.round(p * 100) / 100));
const kalshiCode = (t: DemoTeam) => demoTeamCode(t, "kalshi");

/** `KXNHLGAME-26NOV28BOSTOR`: series, YY MON DD (local day), AWAY then HOME code. */
export function kalshiEventTicker(series: string, game: DemoGame): string {
  return eventTicker(series, game.date, kalshiCode(game.away), kalshiCode(game.home));
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

/** Hours before the start at which the demo's played markets traded. */
const TRADE_HOURS = [26, 14, 8, 4, 2.5, 1.2, 0.35, 0.07];

/**
 * Trades of a played game's two markets in the Trade API v2 shape, newest first (as
 * `/markets/trades` lists them). At each time both sides trade around one belief about the game
 * (the true probability shifted by a wander that shrinks toward the start), a cent above it each,
 * so the two YES prices sum to a little over $1 as on the exchange.
 */
export function kalshiGameTrades(
  tickers: { home: string; away: string },
  pHome: number,
  start: Date,
  random: Random,
): { home: unknown[]; away: unknown[] } {
  const out = { home: [] as unknown[], away: [] as unknown[] };
  for (const hours of TRADE_HOURS) {
    const wander = 0.01 + 0.07 * Math.sqrt(Math.min(1, hours / 24));
    const belief = Math.min(0.97, Math.max(0.03, pHome + (random.next() - 0.5) * 2 * wander));
    const at = start.getTime() - hours * 3_600_000 - random.int(0, 59_000);
    for (const side of ["home", "away"] as const) {
      const yes = clampCents((side === "home" ? belief : 1 - belief) + 0.01);
      const ticker = tickers[side];
      out[side].push({
        count_fp: random.int(1, 400).toFixed(2),
        created_time: new Date(at + (side === "home" ? 0 : 1_000)).toISOString(),
        is_block_trade: false,
        no_price_dollars: dollars(clampCents(1 - yes)),
        taker_book_side: random.next() < 0.5 ? "bid" : "ask",
        taker_outcome_side: random.next() < 0.5 ? "yes" : "no",
        taker_side: random.next() < 0.5 ? "yes" : "no",
        ticker,
        trade_id: `${ticker}-${Math.round(hours * 100)}`,
        yes_price_dollars: dollars(yes),
      });
    }
  }
  return out;
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

/** Markets and events of the sport's first series, all games of the window in one listing each. */
export const kalshiDemo: SourceDemo<KalshiSportOptions> = {
  async writeMarkets({ options, games, random }, write) {
    const series = options.series[0]!;
    await write("kalshi", `markets-${series}.json`, {
      cursor: "",
      markets: games.flatMap((g) => kalshiMarkets(series, g, random)),
    });
    await write("kalshi", `events-${series}.json`, {
      cursor: "",
      events: games.map((g) => kalshiEvent(series, g)),
      milestones: [],
    });
    for (const game of games.filter((g) => g.result !== null)) {
      const event = kalshiEventTicker(series, game);
      const tickers = {
        home: `${event}-${kalshiCode(game.home)}`,
        away: `${event}-${kalshiCode(game.away)}`,
      };
      const trades = kalshiGameTrades(tickers, game.pHome / (game.pHome + game.pAway), game.start, random);
      for (const side of ["home", "away"] as const)
        await write("kalshi", `trades-${tickers[side]}.json`, { cursor: "", trades: trades[side] });
    }
  },
};
