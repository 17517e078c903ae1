// What a repository function runs its SQL on: a pool for a single statement, or the client of an
// open transaction when several writes (and the pipeline bookkeeping) must commit together.
import type pg from "pg";

export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/**
 * Runs `fn` in one transaction on a client of `pool`; commits when it resolves, rolls back when
 * it throws. A crash mid-way leaves nothing behind: PostgreSQL rolls back the open transaction
 * when the connection drops.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** NUMERIC values travel to pg as strings, so no float ever touches money or odds. */
export function numeric(value: { toFixed(dp?: number): string } | null | undefined): string | null {
  return value == null ? null : value.toFixed();
}

/** The least a reader needs: text and values in, rows out (a pg Pool or client, the API's SqlClient). */
export interface SqlReader {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
