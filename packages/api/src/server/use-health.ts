// GET /health answers 200 while the process serves (yoga's built-in liveness endpoint); this adds
// GET /ready, 200 only when PostgreSQL answers, for load balancers and `pnpm start` scripts.
import { type Plugin, useReadinessCheck } from "graphql-yoga";
import type { SqlClient } from "../graphql/context.ts";

export const HEALTH_ENDPOINT = "/health";
export const READY_ENDPOINT = "/ready";

export function useHealth(sql: SqlClient): Plugin {
  return useReadinessCheck({
    endpoint: READY_ENDPOINT,
    check: async () => {
      try {
        await sql.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
  });
}
