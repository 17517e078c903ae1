// Process configuration, read once from environment variables and validated with zod so that a
// missing or malformed value stops start-up with a message naming the variable.
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
  .refine((v) => URL.canParse(v), "is not a valid URL");

export const envSchema = z.object({
  /** PostgreSQL to use. When unset, `pnpm start` runs an embedded PostgreSQL in EDGELINE_DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /** Connections in each process's pools (Prisma's and the set-based `pg` pool). */
  EDGELINE_DB_POOL_SIZE: positiveInt(10),
  /** Server-side statement_timeout for every connection, in milliseconds. */
  EDGELINE_DB_STATEMENT_TIMEOUT_MS: positiveInt(30_000),
  /** Where local state lives: the embedded database (`pg/`), demo payloads. */
  EDGELINE_DATA_DIR: z.string().min(1).default(".edgeline"),
  /**
   * Demo mode: generated payloads served on loopback instead of the real APIs.
   * @defaultValue on with the embedded database, off with DATABASE_URL
   */
  EDGELINE_DEMO: z
    .enum(["0", "1", "true", "false"])
    .transform((v) => v === "1" || v === "true")
    .optional(),
  /** Notional bankroll (currency units) that sizes recommended stakes; a rerun sizes them alike. */
  EDGELINE_BANKROLL: z
    .string()
    .regex(/^\d{1,8}(\.\d{1,2})?$/, "must be a positive amount like 1000 or 2500.50")
    .default("1000"),
  /** HTTP port of the API server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Level of every Edgeline logger. */
  EDGELINE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type EdgelineEnv = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses configuration; throws a ConfigError listing every bad variable by name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): EdgelineEnv {
  // An empty string means "unset" for every variable: shells often export VAR= to clear one.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
