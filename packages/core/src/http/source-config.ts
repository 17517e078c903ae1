import { z } from "zod";

/**
 * Base URLs of the upstream sources, read from the environment so tests and the demo can
 * point every source at the local fake upstream. Each default is the real public host.
 */
const sourceEnvSchema = z.object({
  EDGELINE_NHL_API_URL: z.url().default("https://api-web.nhle.com"),
  EDGELINE_NBA_CDN_URL: z.url().default("https://cdn.nba.com"),
  EDGELINE_ESPN_API_URL: z.url().default("https://site.api.espn.com"),
  // The path prefix is part of the base: every Kalshi endpoint lives under /trade-api/v2.
  EDGELINE_KALSHI_API_URL: z.url().default("https://api.elections.kalshi.com/trade-api/v2"),
  EDGELINE_ODDS_API_URL: z.url().default("https://api.the-odds-api.com"),
  ODDS_API_KEY: z.string().min(1).optional(),
});

export interface SourceBaseUrls {
  nhl: string;
  nbaCdn: string;
  espn: string;
  kalshi: string;
  oddsApi: string;
  /** The Odds API key; absent means that source cannot be called (the fake upstream ignores it). */
  oddsApiKey?: string;
}

/** Reads and validates the source base URLs; a malformed value fails naming the variable. */
export function sourceBaseUrls(env: Record<string, string | undefined> = process.env): SourceBaseUrls {
  // Empty strings count as unset, as they do in most .env loaders.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = sourceEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid source configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  const strip = (u: string) => u.replace(/\/+$/, "");
  return {
    nhl: strip(e.EDGELINE_NHL_API_URL),
    nbaCdn: strip(e.EDGELINE_NBA_CDN_URL),
    espn: strip(e.EDGELINE_ESPN_API_URL),
    kalshi: strip(e.EDGELINE_KALSHI_API_URL),
    oddsApi: strip(e.EDGELINE_ODDS_API_URL),
    ...(e.ODDS_API_KEY ? { oddsApiKey: e.ODDS_API_KEY } : {}),
  };
}

/** Environment variables that point every source at one local server (fake upstream, demo). */
export function localSourceEnv(baseUrl: string): Record<string, string> {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    EDGELINE_NHL_API_URL: base,
    EDGELINE_NBA_CDN_URL: base,
    EDGELINE_ESPN_API_URL: base,
    EDGELINE_KALSHI_API_URL: `${base}/trade-api/v2`,
    EDGELINE_ODDS_API_URL: base,
  };
}
