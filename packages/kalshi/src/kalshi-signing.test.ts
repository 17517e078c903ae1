import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { kalshiAuthHeaders, kalshiSignedMessage, verifyKalshiSignature } from "./kalshi-signing.ts";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const key = { keyId: "a952bcbe-ec3b-4b5b-b8f9-11dae589608c", privateKey };

describe("Kalshi request signing", () => {
  it("signs timestamp + METHOD + path, the query string dropped (fixtures README example)", () => {
    expect(kalshiSignedMessage("1703123456789", "get", "/trade-api/v2/portfolio/orders?limit=5")).toBe(
      "1703123456789GET/trade-api/v2/portfolio/orders",
    );
  });

  it("produces the three headers; the public key verifies them, another key does not", () => {
    const url = new URL("https://demo-api.kalshi.co/trade-api/v2/portfolio/orders?ticker=X&limit=200");
    const headers = kalshiAuthHeaders(key, "GET", url, 1703123456789.7);
    expect(headers["KALSHI-ACCESS-KEY"]).toBe(key.keyId);
    expect(headers["KALSHI-ACCESS-TIMESTAMP"]).toBe("1703123456789");
    const signed = {
      timestampMs: "1703123456789",
      method: "GET",
      path: "/trade-api/v2/portfolio/orders",
      signature: headers["KALSHI-ACCESS-SIGNATURE"]!,
    };
    // 2048-bit RSA: a 256-byte signature, salted (PSS), so two signatures of one message differ.
    expect(Buffer.from(signed.signature, "base64")).toHaveLength(256);
    expect(kalshiAuthHeaders(key, "GET", url, 1703123456789)["KALSHI-ACCESS-SIGNATURE"]).not.toBe(
      signed.signature,
    );
    expect(verifyKalshiSignature(publicKey, signed)).toBe(true);
    expect(verifyKalshiSignature(other.publicKey, signed)).toBe(false);
    expect(verifyKalshiSignature(publicKey, { ...signed, method: "POST" })).toBe(false);
    expect(verifyKalshiSignature(publicKey, { ...signed, timestampMs: "1703123456790" })).toBe(false);
    expect(verifyKalshiSignature(publicKey, { ...signed, signature: "bm9wZQ==" })).toBe(false);
  });
});
