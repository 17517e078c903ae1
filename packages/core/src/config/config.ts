// Edgeline's configuration: one typed object built from the environment, validated with zod, so
// that a missing or malformed value stops start-up with a message naming the variable. Every
// process (API, worker, CLI) reads its settings from here; plugins declare their own variables
// (base URLs, keys) and the plugin registry validates those the same way.
import { z } from "zod";
import { type NotificationSink, sinksSchema } from "../events/sinks.ts";
import type { RiskSettings } from "../risk/risk-limits.ts";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const bool = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
  .refine((v) => URL.canParse(v), "is not a valid URL");

const amount = (fallback: string) =>
  z
    .string()
    .regex(/^\d{1,8}(\.\d{1,2})?$/, "must be an amount like 50 or 250.50")
    .default(fallback);

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every variable of the README's configuration table, by name. */
export const envSchema = z.object({
  /** PostgreSQL to use. When unset, `pnpm start` runs an embedded PostgreSQL in EDGELINE_DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /** Connections in each pool of every process (API, worker, CLI). @defaultValue 10 */
  EDGELINE_DB_POOL_SIZE: positiveInt(10),
  /** Server-side statement_timeout for every connection, in milliseconds. @defaultValue 30000 */
  EDGELINE_DB_STATEMENT_TIMEOUT_MS: positiveInt(30_000),
  /** Where local state lives: the embedded database (`pg/`), demo payloads. @defaultValue .edgeline */
  EDGELINE_DATA_DIR: z.string().min(1).default(".edgeline"),
  /** Demo mode: generated payloads served on loopback. @defaultValue on with the embedded database, off with DATABASE_URL */
  EDGELINE_DEMO: bool.optional(),
  /** Notional bankroll (currency units) that sizes recommended stakes; a rerun sizes them alike. @defaultValue 1000 */
  EDGELINE_BANKROLL: z
    .string()
    .regex(/^\d{1,8}(\.\d{1,2})?$/, "must be a positive amount like 1000 or 2500.50")
    .default("1000"),
  /** HTTP port of the API server. @defaultValue 4000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Level of every Edgeline logger. @defaultValue info */
  EDGELINE_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** Log lines as JSON (for collectors) or pretty (for people). @defaultValue pretty on a terminal, JSON otherwise */
  EDGELINE_LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** Whether queries and subscriptions need an API key; mutations always do. @defaultValue true (open in demo mode unless set) */
  EDGELINE_API_READ_REQUIRES_KEY: bool.optional(),
  /** Origins allowed to call the API from a browser, comma-separated, or `*`. @defaultValue none */
  EDGELINE_API_CORS_ORIGINS: list,
  /** How long a verified API key is trusted without asking the database, ms (revocation is honoured within it). @defaultValue 5000 */
  EDGELINE_API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Largest request body accepted, in bytes; larger ones get 413. @defaultValue 102400 */
  EDGELINE_API_MAX_BODY_BYTES: positiveInt(100 * 1024),
  /** Operations per minute per API key (requests without a key: per client address); more get 429 with Retry-After; 0 turns it off. @defaultValue 600 */
  EDGELINE_API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Jobs run at once in a worker process (one sport never runs two steps at once). @defaultValue 4 */
  EDGELINE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Attempts per step before it fails for good. @defaultValue 3 */
  EDGELINE_STEP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(3),
  /** UTC time of the daily DAG run. @defaultValue 10:00 */
  EDGELINE_DAILY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (UTC, 24-hour)")
    .default("10:00"),
  /** Sports the schedule runs, comma-separated. @defaultValue every loaded sport */
  EDGELINE_SCHEDULE_SPORTS: list,
  /** Missed cron runs younger than this are run on start-up, hours. @defaultValue 36 */
  EDGELINE_CRON_BACKFILL_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 7)
    .default(36),
  /** How often each worker looks for jobs left locked by a worker that is gone, ms. @defaultValue 15000 */
  EDGELINE_RECOVERY_INTERVAL_MS: ms(15_000),
  /** A job is recovered only when its lock is at least this old, ms. @defaultValue 30000 */
  EDGELINE_RECOVERY_GRACE_MS: ms(30_000),
  /** On SIGTERM, running jobs get this long to finish, ms. @defaultValue 25000 */
  EDGELINE_SHUTDOWN_TIMEOUT_MS: ms(25_000),
  /** Bearer token that /metrics (API and workers) requires when set. @defaultValue unset: open */
  EDGELINE_METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  /** Port of each worker process's /metrics (0: any free port, off: none). @defaultValue 9464 */
  EDGELINE_WORKER_METRICS_PORT: z
    .union([z.literal("off"), z.coerce.number().int().min(0).max(65535)])
    .default(9464),
  /** Whether /ready needs a live worker (set false for API-only deployments without workers). @defaultValue true */
  EDGELINE_READY_REQUIRES_WORKER: bool.default(true),
  /** Notification sinks: a JSON array of { name, kind, url, secret?, events?, timeoutMs?, maxAttempts? }. @defaultValue [] */
  EDGELINE_NOTIFY_SINKS: sinksSchema,
  /** Recommendations at or above this edge are notified. @defaultValue 0.05 */
  EDGELINE_NOTIFY_MIN_EDGE: z.coerce.number().min(0).max(1).default(0.05),
  /** Live orders: 1 sends them to every venue with a broker (Kalshi), 0 simulates every venue on paper. @defaultValue 0 */
  EDGELINE_LIVE_TRADING: bool.default(false),
  /** Largest stake of one bet, currency units. @defaultValue 50 */
  EDGELINE_RISK_MAX_STAKE_PER_BET: amount("50"),
  /** Largest total stake placed on one day. @defaultValue 250 */
  EDGELINE_RISK_MAX_STAKE_PER_DAY: amount("250"),
  /** Largest total stake on one game. @defaultValue 100 */
  EDGELINE_RISK_MAX_STAKE_PER_GAME: amount("100"),
  /** Largest total stake of open (unsettled) bets. @defaultValue 500 */
  EDGELINE_RISK_MAX_OPEN_EXPOSURE: amount("500"),
  /** Net loss of the bets settled over the last 24 hours of games at which no further order is sent. @defaultValue 200 */
  EDGELINE_RISK_DAILY_LOSS_LIMIT: amount("200"),
  /** Most open (unsettled) bets at once. @defaultValue 50 */
  EDGELINE_RISK_MAX_OPEN_POSITIONS: positiveInt(50),
});

export type EdgelineEnv = z.infer<typeof envSchema>;

/** The configuration every process reads, grouped by what uses it. */
export interface EdgelineConfig {
  database: { url: string | undefined; poolSize: number; statementTimeoutMs: number };
  dataDir: string;
  /** undefined: decided by the database (on with the embedded one). */
  demo: boolean | undefined;
  /** Notional bankroll as a decimal string. */
  bankroll: string;
  port: number;
  log: { level: (typeof LOG_LEVELS)[number]; format: "json" | "pretty" | undefined };
  api: {
    /** undefined: not set (demo mode then opens reads). */
    readRequiresKey: boolean | undefined;
    corsOrigins: string[];
    keyCacheTtlMs: number;
    maxBodyBytes: number;
    /** Operations per minute per key; 0: no limit. */
    rateLimitPerMinute: number;
  };
  worker: {
    concurrency: number;
    maxAttempts: number;
    dailyAt: string;
    scheduleSports: string[];
    cronBackfillHours: number;
    recoveryIntervalMs: number;
    recoveryGraceMs: number;
    shutdownTimeoutMs: number;
  };
  operations: {
    metricsToken: string | undefined;
    /** undefined: no metrics port. */
    workerMetricsPort: number | undefined;
    readyRequiresWorker: boolean;
  };
  notify: { sinks: NotificationSink[]; minEdge: number };
  trading: {
    /** EDGELINE_LIVE_TRADING: orders go to the venues' brokers; otherwise every venue is simulated. */
    live: boolean;
    risk: RiskSettings;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the variables; throws a ConfigError listing every bad variable by name. */
export function loadEnv(
  source: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env,
): EdgelineEnv {
  // An empty string means "unset" for every variable: shells often export VAR= to clear one.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** The configuration object from the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(
  source: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env,
): EdgelineConfig {
  const e = loadEnv(source);
  return {
    database: {
      url: e.DATABASE_URL,
      poolSize: e.EDGELINE_DB_POOL_SIZE,
      statementTimeoutMs: e.EDGELINE_DB_STATEMENT_TIMEOUT_MS,
    },
    dataDir: e.EDGELINE_DATA_DIR,
    demo: e.EDGELINE_DEMO,
    bankroll: e.EDGELINE_BANKROLL,
    port: e.PORT,
    log: { level: e.EDGELINE_LOG_LEVEL, format: e.EDGELINE_LOG_FORMAT },
    api: {
      readRequiresKey: e.EDGELINE_API_READ_REQUIRES_KEY,
      corsOrigins: e.EDGELINE_API_CORS_ORIGINS,
      keyCacheTtlMs: e.EDGELINE_API_KEY_CACHE_MS,
      maxBodyBytes: e.EDGELINE_API_MAX_BODY_BYTES,
      rateLimitPerMinute: e.EDGELINE_API_RATE_LIMIT_PER_MINUTE,
    },
    worker: {
      concurrency: e.EDGELINE_WORKER_CONCURRENCY,
      maxAttempts: e.EDGELINE_STEP_MAX_ATTEMPTS,
      dailyAt: e.EDGELINE_DAILY_AT,
      scheduleSports: e.EDGELINE_SCHEDULE_SPORTS,
      cronBackfillHours: e.EDGELINE_CRON_BACKFILL_HOURS,
      recoveryIntervalMs: e.EDGELINE_RECOVERY_INTERVAL_MS,
      recoveryGraceMs: e.EDGELINE_RECOVERY_GRACE_MS,
      shutdownTimeoutMs: e.EDGELINE_SHUTDOWN_TIMEOUT_MS,
    },
    operations: {
      metricsToken: e.EDGELINE_METRICS_TOKEN,
      workerMetricsPort:
        e.EDGELINE_WORKER_METRICS_PORT === "off" ? undefined : e.EDGELINE_WORKER_METRICS_PORT,
      readyRequiresWorker: e.EDGELINE_READY_REQUIRES_WORKER,
    },
    notify: { sinks: e.EDGELINE_NOTIFY_SINKS, minEdge: e.EDGELINE_NOTIFY_MIN_EDGE },
    trading: {
      live: e.EDGELINE_LIVE_TRADING,
      risk: {
        maxStakePerBet: e.EDGELINE_RISK_MAX_STAKE_PER_BET,
        maxStakePerDay: e.EDGELINE_RISK_MAX_STAKE_PER_DAY,
        maxStakePerGame: e.EDGELINE_RISK_MAX_STAKE_PER_GAME,
        maxOpenExposure: e.EDGELINE_RISK_MAX_OPEN_EXPOSURE,
        dailyLossLimit: e.EDGELINE_RISK_DAILY_LOSS_LIMIT,
        maxOpenPositions: e.EDGELINE_RISK_MAX_OPEN_POSITIONS,
      },
    },
  };
}
