// Worker liveness, kept by PostgreSQL itself. Each graphile-worker worker of this process holds a
// session advisory lock keyed on its worker id, on one dedicated connection. If the process dies,
// even by SIGKILL, the server ends that session and the locks vanish with it, so "the worker that
// locked this job holds no liveness lock" means "that worker is gone": its jobs may be released
// at once instead of after graphile-worker's 4-hour lock expiry. Server-side TCP keepalives make
// a vanished machine count as dead within ~25 s too.
//
// A lost connection (a database restart) is not the end of the worker: the locks went with the
// old session, so the connection is reopened and every lock taken again; meanwhile `alive` is
// false and this process's own recovery sweep waits.
import { createPgClient } from "@edgeline/core";
import type pg from "pg";

/** First key of every liveness lock (ASCII "EDGE"): keeps them apart from other advisory locks. */
export const LIVENESS_LOCK_CLASS = 0x45444745;

export interface Liveness {
  register(workerId: string): Promise<void>;
  unregister(workerId: string): Promise<void>;
  /** False from a lost connection until it is reopened with every lock held again. */
  readonly alive: boolean;
  close(): Promise<void>;
}

export interface LivenessOptions {
  onLost?: (error: Error) => void;
  onRestored?: () => void;
  /** @defaultValue 1000 */
  reconnectDelayMs?: number;
}

const LOCK = "SELECT pg_advisory_lock($1, hashtext($2))";
const UNLOCK = "SELECT pg_advisory_unlock($1, hashtext($2))";

export async function openLiveness(connectionString: string, opts: LivenessOptions = {}): Promise<Liveness> {
  const held = new Set<string>();
  let client: pg.Client | undefined;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (c: pg.Client, error: Error) => {
    if (closing || client !== c) return;
    client = undefined;
    c.end().catch(() => {});
    opts.onLost?.(error);
    scheduleReconnect();
  };
  const connect = async (): Promise<pg.Client> => {
    const c: pg.Client = createPgClient({
      connectionString,
      application_name: "edgeline-worker-liveness",
      keepAlive: true,
      // The server notices a vanished client after idle + interval × count = 10 + 5 × 3 s.
      options: "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3",
      onError: (error) => lost(c, error),
    });
    c.on("end", () => lost(c, new Error("liveness connection closed")));
    try {
      await c.connect();
      // One connection, so locks are taken one after another (pg.Client queues queries).
      for (const id of held) await c.query(LOCK, [LIVENESS_LOCK_CLASS, id]);
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    return c;
  };
  const scheduleReconnect = () => {
    if (closing || retry) return;
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        const c = await connect();
        if (closing) return void (await c.end().catch(() => {}));
        client = c;
        opts.onRestored?.();
      } catch {
        scheduleReconnect();
      }
    }, opts.reconnectDelayMs ?? 1000);
  };

  client = await connect();
  return {
    get alive() {
      return client !== undefined;
    },
    async register(workerId) {
      held.add(workerId);
      const c = client;
      // While disconnected the reconnect takes the lock; an error on a lost connection likewise.
      await c?.query(LOCK, [LIVENESS_LOCK_CLASS, workerId]).catch((error: Error) => {
        if (client === c) throw error;
      });
    },
    async unregister(workerId) {
      held.delete(workerId);
      await client?.query(UNLOCK, [LIVENESS_LOCK_CLASS, workerId]).catch(() => {});
    },
    async close() {
      closing = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
