// API keys: `edg_<id>_<secret>`. The id is public (it finds the row); only a SHA-256 digest of the
// whole key is stored. Keys carry 192 random bits, so a fast hash is enough (there is nothing to
// brute-force as there is with passwords), and the digest is compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PATTERN = /^edg_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32})$/;

export interface GeneratedKey {
  /** The full key, shown to its owner once and never stored. */
  key: string;
  keyId: string;
  /** Hex SHA-256 of `key`: what the database keeps. */
  secretHash: string;
}

function alphanumeric(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // 62 does not divide 256: reject bytes past the last whole multiple so every character is uniform.
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateKey(): GeneratedKey {
  const keyId = alphanumeric(12);
  const key = `edg_${keyId}_${randomBytes(24).toString("base64url")}`;
  return { key, keyId, secretHash: hashKey(key) };
}

/** The key id of a well-formed key, or null: malformed keys never reach the database. */
export function keyIdOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Whether `key` hashes to `storedHash`, compared in constant time. */
export function matchesHash(key: string, storedHash: string): boolean {
  const actual = Buffer.from(hashKey(key), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The bearer token of an Authorization header, or null when there is none or it is not Bearer. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
