// Kalshi Trade API v2 request signing (fixtures README "Auth / signing"): RSA-PSS with SHA-256,
// MGF1-SHA256 and a salt as long as the digest, over `timestamp + METHOD + path`, where the path
// includes /trade-api/v2 and excludes the query string; the body is not signed. The exchange
// (and the fake one) verifies with the public key of the API key.
import { constants, type KeyObject, sign, verify } from "node:crypto";

export const KALSHI_ACCESS_KEY = "KALSHI-ACCESS-KEY";
export const KALSHI_ACCESS_SIGNATURE = "KALSHI-ACCESS-SIGNATURE";
export const KALSHI_ACCESS_TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";

const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };

/** The signed message: `1703123456789GET/trade-api/v2/portfolio/orders` (query dropped). */
export function kalshiSignedMessage(timestampMs: string, method: string, path: string): string {
  return `${timestampMs}${method.toUpperCase()}${path.split("?")[0]}`;
}

/** An API key: its id (a UUID shown by Kalshi) and the RSA private key downloaded with it. */
export interface KalshiApiKey {
  keyId: string;
  privateKey: KeyObject;
}

/** The three headers of a signed request to `url` (its pathname is signed), stamped `nowMs`. */
export function kalshiAuthHeaders(
  key: KalshiApiKey,
  method: string,
  url: URL,
  nowMs: number,
): Record<string, string> {
  const timestamp = String(Math.floor(nowMs));
  const message = Buffer.from(kalshiSignedMessage(timestamp, method, url.pathname), "utf8");
  const signature = sign("sha256", message, { key: key.privateKey, ...PSS }).toString("base64");
  return {
    [KALSHI_ACCESS_KEY]: key.keyId,
    [KALSHI_ACCESS_SIGNATURE]: signature,
    [KALSHI_ACCESS_TIMESTAMP]: timestamp,
  };
}

/** Whether `signature` (base64) signs `timestamp + method + path` under `publicKey`. */
export function verifyKalshiSignature(
  publicKey: KeyObject,
  request: { timestampMs: string; method: string; path: string; signature: string },
): boolean {
  const message = Buffer.from(kalshiSignedMessage(request.timestampMs, request.method, request.path), "utf8");
  try {
    return verify("sha256", message, { key: publicKey, ...PSS }, Buffer.from(request.signature, "base64"));
  } catch {
    // A signature of the wrong length for the key throws rather than returning false.
    return false;
  }
}
