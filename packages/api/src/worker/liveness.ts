// Worker liveness, kept by PostgreSQL itself. Each graphile-worker worker of this process holds a
// session advisory lock keyed on its worker id, on one dedicated connection. If the process dies,
// even by SIGKILL, the server ends that session and the locks vanish with it, so "the worker that
// locked this job holds no liveness lock" means "that worker is gone": its jobs may be released
// at once instead of after graphile-worker's 4-hour lock expiry. Server-side TCP keepalives make
// a vanished machine count as dead within ~25 s too.
import pg from "pg";

/** First key of every liveness lock (ASCII "EDGE"): keeps them apart from other advisory locks. */
export const LIVENESS_LOCK_CLASS = 0x45444745;

export interface Liveness {
  register(workerId: string): Promise<void>;
  unregister(workerId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openLiveness(
  connectionString: string,
  onLost: (error: Error) => void,
): Promise<Liveness> {
  const client = new pg.Client({
    connectionString,
    application_name: "edgeline-worker-liveness",
    keepAlive: true,
    // The server notices a vanished client after idle + interval × count = 10 + 5 × 3 s.
    options: "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3",
  });
  let closing = false;
  const lost = (error: Error) => {
    if (!closing) onLost(error);
  };
  client.on("error", lost);
  client.on("end", () => lost(new Error("liveness connection closed")));
  await client.connect();
  // One connection, so registrations run one after another (pg.Client queues queries).
  return {
    async register(workerId) {
      await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LIVENESS_LOCK_CLASS, workerId]);
    },
    async unregister(workerId) {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LIVENESS_LOCK_CLASS, workerId]);
    },
    async close() {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}
