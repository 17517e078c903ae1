// What a backtest replays: a sport's games in date order (every game before the span too, so that
// ratings and the blend have their history) and every quote of their price history. Prepared once,
// since a tuner replays the same history many times: quotes grouped by game, the price each timing
// takes, and the de-vigged closing consensus of every game.
import { calendarDayIn, type GameStatus, type MarketName, type VenueLocation } from "@edgeline/sdk";
import { expectedHomeOf } from "../elo/probability.ts";
import type { EloGame } from "../elo/replay.ts";
import { withSchedule } from "../elo/schedule.ts";
import {
  archiveClose,
  knownQuotes,
  type MarketConsensus,
  marketConsensus,
  type OddsQuote,
} from "../recommendation/quotes.ts";
import type { PriceTiming } from "./strategy.ts";

export interface BacktestGame {
  gameId: string;
  /** League-local day, YYYY-MM-DD. */
  date: string;
  season: number;
  commenceTime: Date;
  status: GameStatus;
  home: string;
  away: string;
  homeScore: number | null;
  awayScore: number | null;
  neutral?: boolean;
  playoff?: boolean;
  /** Scores at the end of regulation, where the history file gave its periods (SBR). */
  regulation?: { home: number; away: number };
}

export interface BacktestQuote extends OddsQuote {
  gameId: string;
  /** A line the archive gave without a price, priced at the backtest's assumed price. */
  assumed?: true;
}

/**
 * The price a backtest gives the lines an archive published without one (the SBR NBA spreads
 * and totals), when asked to: never stored, and said in the report.
 */
export interface AssumedPrice {
  /** American odds, e.g. −110. */
  american: number;
  /** The same price as decimal odds, rounded as DECIMAL(10,4) stores a price (1.9091). */
  decimal: number;
  /** The line quotes that were given it. */
  quotes: number;
}

export interface BacktestHistory {
  sport: string;
  /** The league's zone: a decision's day is its instant's day there. */
  timeZone: string;
  ways: 2 | 3;
  games: readonly BacktestGame[];
  /** The sport's venue lookup (its plugin's), for the travel term; absent: no travel. */
  venueLocation?: VenueLocation;
  quotes: readonly BacktestQuote[];
  /** Set when the loader gave the unpriced lines an assumed price (`assumed` on those quotes). */
  assumedPrice?: AssumedPrice;
}

/**
 * The close: the last instant before a game starts, when a closing strategy decides. A bet decided
 * before it could still see the price move; one decided at it could not.
 */
export const closingInstant = (game: { commenceTime: Date }): Date =>
  new Date(game.commenceTime.getTime() - 1);

/** The quotes a decision sees and when it is made. */
export interface Decision {
  decidedAt: Date;
  /** The decision's league-local day: the model is what was known at its start. */
  day: string;
  odds: OddsQuote[];
}

const isPlayed = (g: BacktestGame) => g.status === "Final" && g.homeScore !== null && g.awayScore !== null;

/** The book filter of the market-informed ratings' closes: every book. */
const EVERY_BOOK = () => true;

export class PreparedHistory {
  readonly eloGames: EloGame[];
  /** Each game's quotes before its start, oldest first. */
  readonly quotesByGame: BacktestQuote[][];
  /** Consensus by price timing, then by book filter (one filter function, one cache), then by game. */
  private readonly consensusCache = new Map<
    string,
    WeakMap<(bookmaker: string) => boolean, Map<number, MarketConsensus>>
  >();
  /** League-local days of decision instants: many games share a start, and the zone lookup is slow. */
  private readonly dayCache = new Map<number, string>();

  constructor(
    readonly history: BacktestHistory,
    readonly markets: readonly MarketName[] = ["moneyline", "spread", "total"],
  ) {
    const { games } = history;
    for (let i = 1; i < games.length; i++) {
      if (games[i]!.date < games[i - 1]!.date)
        throw new Error(`game ${games[i]!.gameId} (${games[i]!.date}) is dated before the game before it`);
    }
    this.eloGames = withSchedule(
      games.map((g) => ({
        date: g.date,
        season: g.season,
        home: g.home,
        away: g.away,
        homeScore: isPlayed(g) ? g.homeScore : null,
        awayScore: isPlayed(g) ? g.awayScore : null,
        ...(g.neutral ? { neutral: true } : {}),
        ...(g.playoff ? { playoff: true } : {}),
        ...(isPlayed(g) && g.regulation ? { regulation: g.regulation } : {}),
      })),
      history.venueLocation,
    );
    const index = new Map(games.map((g, i) => [g.gameId, i]));
    this.quotesByGame = games.map(() => []);
    for (const quote of history.quotes) {
      const i = index.get(quote.gameId);
      if (i === undefined) continue;
      const q = archiveClose(quote, games[i]!.commenceTime);
      if (q.lastUpdate >= games[i]!.commenceTime) continue; // in-play: never a pre-game price
      this.quotesByGame[i]!.push(q);
    }
    for (const list of this.quotesByGame)
      list.sort((a, b) => a.lastUpdate.getTime() - b.lastUpdate.getTime());
    // Each played game's de-vigged close, for a model whose ratings learn from the market.
    this.eloGames.forEach((g, i) => {
      if (g.homeScore === null || this.quotesByGame[i]!.length === 0) return;
      // Every book's close (its own cache entry: the reports pass their own book filters).
      const m = this.closing(i, EVERY_BOOK).moneyline;
      if (m) g.closingHome = expectedHomeOf(m);
    });
  }

  private localDay(at: Date): string {
    let day = this.dayCache.get(at.getTime());
    if (day === undefined) {
      day = calendarDayIn(at, this.history.timeZone);
      this.dayCache.set(at.getTime(), day);
    }
    return day;
  }

  isPlayed(i: number): boolean {
    return isPlayed(this.history.games[i]!);
  }

  /** The de-vigged consensus of game i's last quotes before its start, the books filtered. */
  closing(i: number, consensusBooks: (bookmaker: string) => boolean): MarketConsensus {
    return this.cachedConsensus("closing", i, consensusBooks, () => {
      const g = this.history.games[i]!;
      const quotes = this.quotesByGame[i]!.filter((q) => consensusBooks(q.bookmaker));
      return knownQuotes(g.gameId, quotes, g.commenceTime, g.commenceTime, this.markets);
    });
  }

  /**
   * The de-vigged consensus of game i at its decision under a price timing, the books filtered:
   * the market a strategy with that timing bets into (the close for "closing"); an empty consensus
   * when nothing was quoted in time.
   */
  consensusAt(
    i: number,
    timing: PriceTiming,
    consensusBooks: (bookmaker: string) => boolean,
  ): MarketConsensus {
    if (timing.at === "closing") return this.closing(i, consensusBooks);
    const key = `${timing.at}:${timing.at === "lead" ? timing.minutes : ""}`;
    return this.cachedConsensus(key, i, consensusBooks, () => {
      const g = this.history.games[i]!;
      const d = this.decision(i, timing);
      if (!d) return [];
      const quotes = d.odds.filter((q) => consensusBooks(q.bookmaker));
      return knownQuotes(g.gameId, quotes, d.decidedAt, g.commenceTime, this.markets);
    });
  }

  /** The consensus of the quotes `known` gives, computed once per timing, book filter and game. */
  private cachedConsensus(
    timing: string,
    i: number,
    consensusBooks: (bookmaker: string) => boolean,
    known: () => ReturnType<typeof knownQuotes>,
  ): MarketConsensus {
    let byBooks = this.consensusCache.get(timing);
    if (!byBooks) {
      byBooks = new WeakMap();
      this.consensusCache.set(timing, byBooks);
    }
    let cache = byBooks.get(consensusBooks);
    if (!cache) {
      cache = new Map();
      byBooks.set(consensusBooks, cache);
    }
    let c = cache.get(i);
    if (!c) {
      c = marketConsensus(known(), this.history.ways);
      cache.set(i, c);
    }
    return c;
  }

  /**
   * The quotes and time of game i's decision under a price timing, or undefined when nothing was
   * quoted in time. Closing: the last instant before the start. Lead: that many minutes before.
   * Opening: each book's first quote, decided when the last of them is out.
   */
  decision(i: number, timing: PriceTiming): Decision | undefined {
    const g = this.history.games[i]!;
    const quotes = this.quotesByGame[i]!;
    if (quotes.length === 0) return undefined;
    let decidedAt: Date;
    let odds: OddsQuote[] = quotes;
    if (timing.at === "opening") {
      const first = new Map<string, OddsQuote>();
      for (const q of quotes) {
        const key = `${q.bookmaker}\u0000${q.market ?? "moneyline"}\u0000${q.outcome}`;
        if (!first.has(key)) first.set(key, q);
      }
      odds = [...first.values()];
      decidedAt = new Date(Math.max(...odds.map((q) => q.lastUpdate.getTime())));
    } else {
      decidedAt =
        timing.at === "lead"
          ? new Date(g.commenceTime.getTime() - timing.minutes * 60_000)
          : closingInstant(g);
      if (quotes[0]!.lastUpdate > decidedAt) return undefined;
    }
    const local = this.localDay(decidedAt);
    // A price quoted after midnight of a game's day in another zone still decides on the game's day.
    const day = [local, g.date].sort()[0]!;
    return { decidedAt, day, odds };
  }
}
