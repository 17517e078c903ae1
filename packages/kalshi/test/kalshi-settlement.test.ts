import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PlacedBetRow } from "@edgeline/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeMarketResult } from "../src/fake-kalshi-exchange.ts";
import { type ExchangeFixture, orderFor, startExchange, TICKER } from "./kalshi-exchange-fixture.ts";

let fx: ExchangeFixture;
beforeEach(async () => {
  fx = await startExchange({ cash: "100" });
});
afterEach(() => fx.close());

const EVENT = "KXNHLGAME-26NOV28BOSTOR";

describe("Kalshi settlements read back by syncBets", () => {
  it("win, loss, void and tie: 10 contracts at $0.45 for $4.68 each", async () => {
    const results: FakeMarketResult[] = ["yes", "no", "void", "tie"];
    const rows: PlacedBetRow[] = [];
    for (const [i, result] of results.entries()) {
      const ticker = `${EVENT}${i}-TOR`;
      fx.exchange.state.offer(ticker, "0.45", 100);
      rows.push(
        await fx.broker.placeOrder(orderFor(fx, { betId: `kalshi-${result}`, venueMarketId: ticker })),
      );
    }
    const before = await fx.broker.syncBets(rows, new Date(fx.now()));
    expect(before).toEqual([]);
    for (const [i, result] of results.entries()) fx.exchange.state.settle(`${EVENT}${i}-TOR`, result);

    const updates = await fx.broker.syncBets(rows, new Date(fx.now()));
    expect(updates.map((u) => [u.betId, u.status, u.result?.toFixed(2), u.reason, u.fill])).toEqual([
      // 10 × $1 − $4.68
      ["kalshi-yes", "win", "5.32", "Kalshi settled yes", undefined],
      ["kalshi-no", "loss", "-4.68", "Kalshi settled no", undefined],
      ["kalshi-void", "void", "0.00", "Kalshi voided the market", undefined],
      // A tie pays $0.50 a contract: 10 × $0.50 − $4.68
      ["kalshi-tie", "win", "0.32", "Kalshi settled at $0.50 a contract (a tie)", undefined],
    ]);
    // Settled bets leave the pending list: a later sync reports nothing for them.
    expect(
      await fx.broker.syncBets(
        rows.map((r, i) => ({ ...r, status: updates[i]!.status })),
        new Date(),
      ),
    ).toEqual([]);

    const settlements = await fx.broker.settlements(new Date(fx.now() - 60_000));
    expect(
      settlements.map((s) => [
        s.result,
        s.payoutPerContract.toFixed(2),
        s.revenue.toFixed(2),
        s.cost.toFixed(2),
        s.fees.toFixed(2),
      ]),
    ).toEqual([
      ["yes", "1.00", "10.00", "4.50", "0.18"],
      ["no", "0.00", "0.00", "4.50", "0.18"],
      ["void", "0.00", "4.68", "4.50", "0.18"],
      ["scalar", "0.50", "5.00", "4.50", "0.18"],
    ]);
    // Cash: 100 − 4 × 4.68 + 10 + 0 + 4.68 + 5.
    expect((await fx.broker.balance()).cash.toFixed(2)).toBe("100.96");
    expect(await fx.broker.positions()).toEqual([]);
  });

  it("a partial fill settles on its filled contracts only", async () => {
    const ticker = `${EVENT}-TOR`;
    fx.exchange.state.offer(ticker, "0.45", 4);
    const row = await fx.broker.placeOrder(orderFor(fx, { venueMarketId: ticker }));
    // The game starts: the 6 unfilled are cancelled; then it settles YES.
    const start = row.marketCloseTimeUtc!;
    fx.exchange.state.settle(ticker, "yes");
    const [update] = await fx.broker.syncBets([row], new Date(start.getTime() + 1));
    // 4 × 0.45 + ceil(0.07 × 4 × 0.2475 = 0.0693) = 1.87; 4 × $1 − 1.87.
    expect([
      update?.status,
      update?.result?.toFixed(2),
      update?.fill?.contracts,
      update?.fill?.stake.toFixed(2),
    ]).toEqual(["win", "2.13", 4, "1.87"]);
    expect(update?.reason).toBe("filled 4 of 10 contracts, the rest cancelled; Kalshi settled yes");
  });
});

describe("the fake exchange follows the market data it serves", () => {
  const market = (status: string, result: string) => ({
    ticker: TICKER,
    event_ticker: EVENT,
    status,
    result,
    yes_ask_dollars: "0.4500",
    yes_ask_size_fp: "50.00",
  });
  const writeMarkets = (...markets: object[]) => {
    mkdirSync(join(fx.dir, "kalshi"), { recursive: true });
    writeFileSync(join(fx.dir, "kalshi", "markets-KXNHLGAME.json"), JSON.stringify({ markets, cursor: "" }));
  };

  it("a recorded market trades at its recorded ask and settles by its recorded result", async () => {
    writeMarkets(market("active", ""));
    const row = await fx.broker.placeOrder(orderFor(fx));
    expect([row.contracts, row.stake.toFixed(2)]).toEqual([10, "4.68"]);
    expect(fx.exchange.state.orders[0]?.status).toBe("executed");
    expect(await fx.broker.syncBets([row], new Date(fx.now()))).toEqual([]);
    writeMarkets(market("finalized", "no"));
    const [update] = await fx.broker.syncBets([row], new Date(fx.now()));
    expect([update?.status, update?.result?.toFixed(2)]).toEqual(["loss", "-4.68"]);
  });
});
