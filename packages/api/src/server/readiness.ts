// GET /ready's checks: the database answers, its migrations are those of this code, and (unless
// the deployment has no workers) a worker is alive, i.e. holds its liveness lock in this database
// (worker/liveness.ts: PostgreSQL drops it with the worker's session, so it is never stale). Each
// failing check is named in the 503 body.
import { pendingMigrations } from "@edgeline/core";
import type { SqlClient } from "../graphql/context.ts";
import { LIVENESS_LOCK_CLASS } from "../worker/liveness.ts";

export interface ReadinessOptions {
  /** Whether a live worker is required. @defaultValue false */
  requireWorker?: boolean;
  /** Each check's time limit, ms. @defaultValue 2000 */
  timeoutMs?: number;
}

export interface ReadinessReport {
  ready: boolean;
  /** "ok" or what is wrong, by check. */
  checks: Record<string, string>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function liveWorkers(sql: SqlClient): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::bigint::oid
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LIVENESS_LOCK_CLASS],
  );
  return rows[0]?.n ?? 0;
}

export async function checkReadiness(sql: SqlClient, opts: ReadinessOptions = {}): Promise<ReadinessReport> {
  const ms = opts.timeoutMs ?? 2000;
  const checks: Record<string, string> = {};
  const run = async (name: string, check: () => Promise<string | undefined>) => {
    try {
      checks[name] = (await withTimeout(check(), ms)) ?? "ok";
    } catch (error) {
      checks[name] = `failed: ${error instanceof Error ? error.message || error.name : String(error)}`;
    }
  };
  await run("database", async () => {
    await sql.query("SELECT 1");
    return undefined;
  });
  if (checks.database === "ok") {
    await run("migrations", async () => {
      const pending = await pendingMigrations(sql);
      return pending.length ? `failed: ${pending.length} pending (${pending.join(", ")})` : undefined;
    });
    if (opts.requireWorker)
      await run("worker", async () => ((await liveWorkers(sql)) > 0 ? undefined : "failed: no live worker"));
  } else {
    checks.migrations = "failed: database unreachable";
    if (opts.requireWorker) checks.worker = "failed: database unreachable";
  }
  return { ready: Object.values(checks).every((v) => v === "ok"), checks };
}
