// The Kalshi plugins' configuration, from the environment through the host's validated plugin
// config: which environment (production or demo: separate accounts, keys and markets) and the
// API key that signs portfolio and order requests. An unreadable or malformed private-key file
// fails here, at start-up, naming the variable, instead of at the first order.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { KalshiApiKey } from "./kalshi-signing.ts";

export const KALSHI_ENVIRONMENTS = ["production", "demo"] as const;
export type KalshiEnvironment = (typeof KALSHI_ENVIRONMENTS)[number];

/** Base URL keys by environment (each overridable: EDGELINE_KALSHI_API_URL, EDGELINE_KALSHI_DEMO_API_URL). */
export const KALSHI_BASE_URL_KEY: Readonly<Record<KalshiEnvironment, string>> = {
  production: "kalshi",
  demo: "kalshiDemo",
};

const KEY_ID = "EDGELINE_KALSHI_KEY_ID";
const KEY_FILE = "EDGELINE_KALSHI_PRIVATE_KEY_FILE";

/** Reads and parses the PEM file, or says why not (the message names the file, never its content). */
function readPrivateKey(file: string): KeyObject | string {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    return `cannot read the private-key file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== "rsa")
      return `${file} holds a ${key.asymmetricKeyType} key; Kalshi signs with RSA`;
    return key;
  } catch {
    return `${file} is not a PEM private key (expected the RSA key Kalshi downloads with the key id)`;
  }
}

/** The environment only: what the odds source reads. */
export const kalshiEnvironmentSchema = z.looseObject({
  /** production (default) or demo. */
  EDGELINE_KALSHI_ENVIRONMENT: z.enum(KALSHI_ENVIRONMENTS).default("production"),
});

/** The venue's configuration: the environment and, for live orders, the API key. */
export interface KalshiVenueConfig {
  environment: KalshiEnvironment;
  /** Absent when no key is configured (paper trading needs none). */
  apiKey?: KalshiApiKey;
  /** The key file, for start-up to print (never the key). */
  privateKeyFile?: string;
}

export const kalshiVenueConfigSchema: z.ZodType<KalshiVenueConfig> = kalshiEnvironmentSchema
  .extend({
    /** The API key id Kalshi shows (a UUID). */
    [KEY_ID]: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be the key id UUID")
      .optional(),
    /** Path of the RSA private key (PEM) downloaded with the key id. */
    [KEY_FILE]: z.string().trim().min(1).optional(),
  })
  .transform((env, ctx): KalshiVenueConfig => {
    const keyId = env[KEY_ID];
    const file = env[KEY_FILE];
    const out: KalshiVenueConfig = { environment: env.EDGELINE_KALSHI_ENVIRONMENT };
    if (keyId === undefined && file === undefined) return out;
    if (file === undefined) {
      ctx.addIssue({ code: "custom", path: [KEY_FILE], message: `is required when ${KEY_ID} is set` });
      return z.NEVER;
    }
    if (keyId === undefined) {
      ctx.addIssue({ code: "custom", path: [KEY_ID], message: `is required when ${KEY_FILE} is set` });
      return z.NEVER;
    }
    const key = readPrivateKey(file);
    if (typeof key === "string") {
      ctx.addIssue({ code: "custom", path: [KEY_FILE], message: key });
      return z.NEVER;
    }
    return { ...out, apiKey: { keyId, privateKey: key }, privateKeyFile: file };
  });
