// A throwaway Kalshi API key for tests: a fresh RSA key pair, the private half written as the PEM
// file Kalshi would download, and the variables that configure the venue with it.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface KalshiTestKey {
  keyId: string;
  privateKeyFile: string;
  publicKeyPem: string;
  /** EDGELINE_KALSHI_KEY_ID and EDGELINE_KALSHI_PRIVATE_KEY_FILE. */
  env: Record<string, string>;
}

/** Writes `kalshi-<name>.pem` into `dir` (a temp dir of the test). 2048-bit, as Kalshi issues. */
export function writeKalshiTestKey(dir: string, name = "key"): KalshiTestKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyFile = join(dir, `kalshi-${name}.pem`);
  writeFileSync(privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  const keyId = randomUUID();
  return {
    keyId,
    privateKeyFile,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    env: { EDGELINE_KALSHI_KEY_ID: keyId, EDGELINE_KALSHI_PRIVATE_KEY_FILE: privateKeyFile },
  };
}
