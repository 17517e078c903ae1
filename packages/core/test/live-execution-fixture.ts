// Shared by the live-execution tests: a one-sport world on a real PostgreSQL with an exchange venue
// claiming Kalshi's prices (contracts with a 1¢ fee each, a broker that records every order) and
// the bundled manual venue for every book; games, quotes and recommendations written directly, so
// each test controls stakes and prices to the cent.
import {
  type BetStatusUpdate,
  type Broker,
  defineVenue,
  type GameRecord,
  type OddsRecord,
  type OrderRequest,
  type PlacedBetRow,
  type VenueRules,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { BrokerRouter, PaperBroker } from "../src/brokers/index.ts";
import type { PipelineDeps } from "../src/pipeline/index.ts";
import { createPluginRegistry, type PluginRegistry } from "../src/plugins/index.ts";
import {
  gamesByIds,
  type RecommendationInput,
  recordPrices,
  upsertGames,
  upsertRecommendations,
} from "../src/repositories/index.ts";
import { DEFAULT_RISK_LIMITS } from "../src/risk/index.ts";
import { DEFAULT_STAKING_LIMITS } from "../src/staking/index.ts";
import {
  type TestSide,
  testGame,
  testMarketOf,
  testQuote,
  testRecommendation,
  testSport,
} from "../src/testing/records.ts";
import { manualVenue } from "../src/venues/manual.ts";

export const DAY = "2024-03-10";
export const NOW = new Date(`${DAY}T12:00:00Z`);
export const START = new Date(`${DAY}T23:00:00Z`);
export const QUOTED = new Date(`${DAY}T11:00:00Z`);
export const SPORT = "LIV";

const FEE = new Decimal("0.01");
/** A contract exchange: price 1/odds per contract plus a 1¢ fee, pays $1. */
export const exchangeRules: VenueRules = {
  netOdds: (odds) => 1 / (1 / odds + 0.01),
  roundStake(amount, odds) {
    const unit = new Decimal(1).div(odds).toDecimalPlaces(4).plus(FEE);
    const contracts = amount.div(unit).floor().toNumber();
    return { stake: unit.times(contracts).toDecimalPlaces(2), contracts, fee: FEE.times(contracts) };
  },
  payout: (stake) => new Decimal(stake.contracts ?? 0),
  onTie: { kind: "payout-fraction", fraction: 0.5 },
};

/** The live broker of the exchange: fills every order at once and remembers it. */
export class RecordingBroker implements Broker {
  readonly bookmaker = "Kalshi";
  readonly endpoint = { environment: "demo" as const, baseUrl: "http://127.0.0.1:1/trade-api/v2" };
  orders: OrderRequest[] = [];
  /** Runs before each order is answered (a test pauses trading or races a rejection here). */
  beforeFill: (order: OrderRequest) => Promise<void> = async () => {};
  async placeOrder(order: OrderRequest): Promise<PlacedBetRow> {
    this.orders.push(order);
    await this.beforeFill(order);
    return {
      betId: order.betId,
      gameId: order.gameId,
      marketId: order.marketId,
      bookmaker: this.bookmaker,
      outcome: order.outcome,
      stake: order.stake,
      odds: order.price,
      potentialPayout: new Decimal(order.contracts ?? 0),
      status: "pending",
      result: null,
      placedTimeUtc: order.placedAt,
      marketTitle: order.marketTitle,
      marketCloseTimeUtc: order.marketCloseTime,
      openingOdds: order.price,
      contracts: order.contracts ?? null,
      fees: FEE.times(order.contracts ?? 0),
    };
  }
  /** What the next sync reports (a fill, a settlement). */
  updates: BetStatusUpdate[] = [];
  async syncBets() {
    return this.updates;
  }
  async balance() {
    return { cash: new Decimal("987.65"), asOf: new Date() };
  }
}

export const exchangeVenue = defineVenue({
  name: "exch",
  displayName: "Test exchange",
  coreVersion: "^0.2.0",
  bookmakers: ["Kalshi"],
  rules: exchangeRules,
  createBroker: () => new RecordingBroker(),
});

export function liveRegistry(): PluginRegistry {
  const sport = testSport(SPORT, "Live League", {
    recommendation: { minEdge: 0.02, maxEdge: 0.6, minOdds: 1.2, maxOdds: 6, maxPerDay: 20 },
  });
  return createPluginRegistry([
    { plugin: sport, module: "live-execution-fixture" },
    { plugin: exchangeVenue, module: "live-execution-fixture" },
    { plugin: manualVenue, module: "venues/manual" },
  ]);
}

/** Deps on paper, or live with `live` as the exchange's broker. */
export function depsFor(
  pool: pg.Pool,
  plugins: PluginRegistry,
  opts: { live?: Broker; now?: () => Date; risk?: Partial<typeof DEFAULT_RISK_LIMITS> } = {},
): PipelineDeps {
  const games = (ids: readonly string[]) => gamesByIds(pool, ids);
  const broker = new PaperBroker(
    games,
    () => 2,
    undefined,
    (b) => plugins.rulesFor(b),
  );
  return {
    pool,
    plugins,
    broker,
    router: new BrokerRouter(plugins, broker, games, opts.live ? new Map([["exch", opts.live]]) : null),
    riskLimits: { ...DEFAULT_RISK_LIMITS, ...opts.risk },
    bankroll: new Decimal(1000),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: opts.now ?? (() => NOW),
  };
}

export const game = (id: string, over: Partial<GameRecord> = {}): GameRecord =>
  testGame(id, { sport: SPORT, gameDate: DAY, season: 2024, commenceTime: START, ...over });

export type Side = TestSide;
export const marketOf = testMarketOf;
export const quote = (gameId: string, book: string, side: Side, price: string, at: Date): OddsRecord =>
  testQuote(gameId, book, side, price, at);

export const writeQuotes = (pool: pg.Pool, records: OddsRecord[], fetchedAt = QUOTED) =>
  recordPrices(
    pool,
    records.map((record) => ({ record, source: "test" })),
    fetchedAt,
  );

/** A recommendation on `book`'s price, with a 10% edge on a 0.5 probability unless told. */
export const rec = (
  gameId: string,
  side: Side,
  book: string,
  price: string,
  stake: string,
  over: Partial<RecommendationInput> = {},
): RecommendationInput =>
  testRecommendation(
    { sport: SPORT, gameId, side, book, price, stake },
    { generatedAt: NOW, quotedAt: QUOTED, expiresAt: START },
    over,
  );

/** Empties every table the tests write, then writes the games and their quotes. */
export async function reset(pool: pg.Pool, games: GameRecord[], quotes: OddsRecord[]): Promise<void> {
  await pool.query(
    `TRUNCATE bet_status_changes, order_refusals, placed_bets, bet_recommendations, odds_quotes, game_odds,
       trading_switch, portfolio_snapshots, unified_games CASCADE`,
  );
  await upsertGames(pool, games);
  await writeQuotes(pool, quotes);
}

export const writeRecs = (pool: pg.Pool, recs: RecommendationInput[]) => upsertRecommendations(pool, recs);

export const rows = async (pool: pg.Pool, sql: string, params: unknown[] = []) =>
  (await pool.query(sql, params)).rows;
