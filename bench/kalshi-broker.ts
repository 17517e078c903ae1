// The Kalshi broker over the fake exchange on loopback: request signatures per second (sign and
// verify, RSA-2048 PSS), orders placed per second (look-up, signed create, the exchange's
// verification and matching), and one syncBets over every bet once their markets settle. The
// network and the exchange are local, so these are the client's and the signature's own costs.
// Run alone with `pnpm exec tsx bench/kalshi-broker.ts`.
import { createPublicKey } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Decimal } from "decimal.js";
import {
  createKalshiBroker,
  FakeKalshiExchange,
  kalshiAuthHeaders,
  kalshiRoutes,
  kalshiVenue,
  kalshiVenueConfigSchema,
  verifyKalshiSignature,
  writeKalshiTestKey,
} from "../packages/kalshi/src/index.ts";
import { createPluginContext, type PlacedBetRow } from "../packages/sdk/src/index.ts";
import { localBaseUrls, startFakeUpstream } from "../packages/testkit/src/index.ts";

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

export async function main(orders = 200): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-kalshi-"));
  try {
    const key = writeKalshiTestKey(dir);
    const config = kalshiVenueConfigSchema.parse(key.env);
    const exchange = new FakeKalshiExchange({
      keyId: key.keyId,
      publicKey: key.publicKeyPem,
      cash: "1000000",
    });

    const publicKey = createPublicKey(key.publicKeyPem);
    const url = new URL("http://127.0.0.1/trade-api/v2/portfolio/orders");
    const signs = 500;
    let t = performance.now();
    const signed = Array.from({ length: signs }, () =>
      kalshiAuthHeaders(config.apiKey!, "GET", url, Date.now()),
    );
    const signMs = performance.now() - t;
    t = performance.now();
    for (const h of signed)
      verifyKalshiSignature(publicKey, {
        timestampMs: h["KALSHI-ACCESS-TIMESTAMP"]!,
        method: "GET",
        path: url.pathname,
        signature: h["KALSHI-ACCESS-SIGNATURE"]!,
      });
    const verifyMs = performance.now() - t;

    const server = await startFakeUpstream({ dataDir: dir, routes: [...exchange.routes, ...kalshiRoutes] });
    const broker = createKalshiBroker(
      createPluginContext({ baseUrls: localBaseUrls([kalshiVenue], server.url), config }),
    );
    const start = new Date(Date.now() + 3_600_000);
    const tickers = Array.from(
      { length: orders },
      (_, i) => `KXNHLGAME-26NOV28B${String(i).padStart(3, "0")}-TOR`,
    );
    for (const ticker of tickers) exchange.state.offer(ticker, "0.45", 100);
    const rows: PlacedBetRow[] = [];
    t = performance.now();
    for (const [i, ticker] of tickers.entries()) {
      rows.push(
        await broker.placeOrder({
          betId: `kalshi-bench-${i}`,
          gameId: `G${i}`,
          marketId: `m${i}`,
          outcome: "home_team_win",
          stake: new Decimal("4.68"),
          price: new Decimal("2.2222"),
          venueBookmaker: "Kalshi",
          placedAt: new Date(),
          marketTitle: null,
          marketCloseTime: start,
          venueMarketId: ticker,
        }),
      );
    }
    const placeMs = performance.now() - t;
    for (const [i, ticker] of tickers.entries()) exchange.state.settle(ticker, i % 2 === 0 ? "yes" : "no");
    t = performance.now();
    const updates = await broker.syncBets(rows, new Date());
    const syncMs = performance.now() - t;
    await server.close();

    console.log(
      `signatures: ${perSecond(signs, signMs)}/s signed, ${perSecond(signs, verifyMs)}/s verified (RSA-2048 PSS)`,
    );
    console.log(
      `orders: ${orders} placed in ${Math.round(placeMs)} ms = ${perSecond(orders, placeMs)}/s (look-up + signed create, loopback)`,
    );
    console.log(`syncBets: ${updates.length} settlements read back in ${Math.round(syncMs)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
