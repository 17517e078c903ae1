// Closing-line value against the same book, case by case: a price that moved, a price that held
// to the start, a bet at the close, and a line bet whose book quoted another line.
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { btGame, btQuote } from "./backtest.test-helpers.ts";
import { closingLineValues } from "./clv.ts";
import type { BacktestBet } from "./engine.ts";
import { type BacktestHistory, PreparedHistory } from "./history.ts";

const history: BacktestHistory = {
  sport: "TST",
  timeZone: "UTC",
  ways: 2,
  games: [btGame("g1", "2024-01-01", "A", "B", [2, 1])],
  quotes: [
    // The moneyline moved from 2.2 to 2.0 by 18:00; the spread at 08:00 was quoted at two lines
    // in the same instant, -2.5 last.
    btQuote("g1", "Book", "home", 2.2, "2024-01-01T08:00:00Z"),
    btQuote("g1", "Book", "home", 2.0, "2024-01-01T18:00:00Z"),
    btQuote("g1", "Book", "home", 1.9, "2024-01-01T08:00:00Z", "spread", -1.5),
    btQuote("g1", "Book", "home", 2.1, "2024-01-01T08:00:00Z", "spread", -2.5),
    btQuote("g1", "Book", "over", 1.95, "2024-01-01T08:00:00Z", "total", 5.5),
  ],
};
const h = new PreparedHistory(history);

const bet = (o: Partial<BacktestBet>): BacktestBet => ({
  gameId: "g1",
  gameDate: "2024-01-01",
  decisionDay: "2024-01-01",
  decidedAt: new Date("2024-01-01T08:00:00Z"),
  market: "moneyline",
  selection: "home",
  line: null,
  bookmaker: "Book",
  price: new Decimal(2.2),
  odds: 2.2,
  quotedAt: new Date("2024-01-01T08:00:00Z"),
  probability: 0.5,
  modelProbability: 0.5,
  marketProbability: null,
  weight: 1,
  edge: 0.1,
  stake: new Decimal(10),
  result: new Decimal(12),
  status: "win",
  reason: "test",
  ...o,
});

const sameBook = (b: BacktestBet) => closingLineValues(h, [b], () => true).sameBook;

describe("closingLineValues, same book", () => {
  it("measures a price that moved against its close", () => {
    const moved = sameBook(bet({}));
    expect(moved).toMatchObject({ measured: 1, beatShare: 1 });
    expect(moved.average).toBeCloseTo(2.2 / 2.0 - 1, 12);
  });

  it("counts a price with no later quote as held to the start: 0, measured", () => {
    const total = bet({ market: "total", selection: "over", line: 5.5, price: new Decimal(1.95) });
    expect(sameBook(total)).toMatchObject({ measured: 1, average: 0, beatShare: 0, atClose: 0 });
  });

  it("measures an earlier price taken by a decision at the close against the later close", () => {
    // The opening timing decides once the last book's first price is out, which may be the close.
    const late = bet({ decidedAt: new Date("2024-01-01T18:59:59.999Z") });
    expect(sameBook(late)).toMatchObject({ measured: 1, beatShare: 1, atClose: 0 });
  });

  it("leaves out a bet struck at the close", () => {
    const closing = bet({
      decidedAt: new Date("2024-01-01T18:59:59.999Z"),
      quotedAt: new Date("2024-01-01T18:00:00Z"),
    });
    expect(sameBook(closing)).toMatchObject({ measured: 0, atClose: 1, average: null });
  });

  it("does not call a line held when its book's last quote is at another line", () => {
    const spread = bet({ market: "spread", line: -1.5, price: new Decimal(1.9) });
    expect(sameBook(spread)).toMatchObject({ measured: 0, lineMoved: 1, average: null });
  });
});
