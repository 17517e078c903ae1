import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeZodError } from "@edgeline/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { kalshiVenueConfigSchema } from "./kalshi-config.ts";
import { KALSHI_BASE_URLS, kalshiOddsSource } from "./kalshi-source.ts";
import { writeKalshiTestKey } from "./kalshi-test-key.ts";

const dir = mkdtempSync(join(tmpdir(), "kalshi-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The host's message for a config failure: the variable, then what is wrong. */
function failure(env: Record<string, string>): string {
  const parsed = kalshiVenueConfigSchema.safeParse(env);
  if (parsed.success) throw new Error("expected a failure");
  const { jsonPath, message } = describeZodError(parsed.error);
  return `${jsonPath}: ${message}`;
}

describe("Kalshi venue configuration", () => {
  const key = writeKalshiTestKey(dir);

  it("without a key: production, no credentials (paper trading needs none)", () => {
    expect(kalshiVenueConfigSchema.parse({})).toEqual({ environment: "production" });
    expect(kalshiVenueConfigSchema.parse({ EDGELINE_KALSHI_ENVIRONMENT: "demo" })).toEqual({
      environment: "demo",
    });
  });

  it("reads the key id and the PEM file into a private key", () => {
    const config = kalshiVenueConfigSchema.parse({ ...key.env, EDGELINE_KALSHI_ENVIRONMENT: "demo" });
    expect(config.environment).toBe("demo");
    expect(config.apiKey?.keyId).toBe(key.keyId);
    expect(config.apiKey?.privateKey.asymmetricKeyType).toBe("rsa");
    expect(config.privateKeyFile).toBe(key.privateKeyFile);
  });

  it("an unreadable, malformed or non-RSA key file stops start-up naming the variable", () => {
    const missing = join(dir, "absent.pem");
    expect(failure({ ...key.env, EDGELINE_KALSHI_PRIVATE_KEY_FILE: missing })).toBe(
      `EDGELINE_KALSHI_PRIVATE_KEY_FILE: cannot read the private-key file ${missing} (ENOENT)`,
    );
    const junk = join(dir, "junk.pem");
    writeFileSync(junk, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    expect(failure({ ...key.env, EDGELINE_KALSHI_PRIVATE_KEY_FILE: junk })).toBe(
      `EDGELINE_KALSHI_PRIVATE_KEY_FILE: ${junk} is not a PEM private key (expected the RSA key Kalshi downloads with the key id)`,
    );
    const ec = join(dir, "ec.pem");
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(ec, privateKey.export({ type: "pkcs8", format: "pem" }));
    expect(failure({ ...key.env, EDGELINE_KALSHI_PRIVATE_KEY_FILE: ec })).toBe(
      `EDGELINE_KALSHI_PRIVATE_KEY_FILE: ${ec} holds a ec key; Kalshi signs with RSA`,
    );
  });

  it("half a key, a malformed key id or an unknown environment names its variable", () => {
    expect(failure({ EDGELINE_KALSHI_KEY_ID: key.keyId })).toBe(
      "EDGELINE_KALSHI_PRIVATE_KEY_FILE: is required when EDGELINE_KALSHI_KEY_ID is set",
    );
    expect(failure({ EDGELINE_KALSHI_PRIVATE_KEY_FILE: key.privateKeyFile })).toBe(
      "EDGELINE_KALSHI_KEY_ID: is required when EDGELINE_KALSHI_PRIVATE_KEY_FILE is set",
    );
    expect(failure({ ...key.env, EDGELINE_KALSHI_KEY_ID: "my-key" })).toBe(
      "EDGELINE_KALSHI_KEY_ID: must be the key id UUID",
    );
    expect(failure({ EDGELINE_KALSHI_ENVIRONMENT: "staging" })).toMatch(/^EDGELINE_KALSHI_ENVIRONMENT: /);
  });
});

describe("Kalshi environments", () => {
  it("market data follows EDGELINE_KALSHI_ENVIRONMENT, so the tickers quoted are the ones traded", () => {
    expect(kalshiOddsSource.config?.parse({})).toEqual({ baseUrlKey: "kalshi" });
    expect(kalshiOddsSource.config?.parse({ EDGELINE_KALSHI_ENVIRONMENT: "demo" })).toEqual({
      baseUrlKey: "kalshiDemo",
    });
    expect(KALSHI_BASE_URLS.kalshiDemo).toEqual({
      default: "https://demo-api.kalshi.co/trade-api/v2",
      env: "EDGELINE_KALSHI_DEMO_API_URL",
    });
  });
});
