// GET /health answers 200 while the process serves (yoga's built-in liveness endpoint); GET /ready
// answers 200 only when every readiness check passes (readiness.ts), else 503 naming each failing
// check, for load balancers, orchestrators and `pnpm start` scripts.
import { type Plugin, useReadinessCheck } from "graphql-yoga";
import type { SqlClient } from "../graphql/context.ts";
import { checkReadiness, type ReadinessOptions } from "./readiness.ts";

export const HEALTH_ENDPOINT = "/health";
export const READY_ENDPOINT = "/ready";

export function useHealth(sql: SqlClient, opts: ReadinessOptions = {}): Plugin {
  return useReadinessCheck({
    endpoint: READY_ENDPOINT,
    check: async ({ fetchAPI }) => {
      const report = await checkReadiness(sql, opts);
      return new fetchAPI.Response(
        JSON.stringify({ status: report.ready ? "ready" : "not ready", ...report }),
        {
          status: report.ready ? 200 : 503,
          headers: { "content-type": "application/json" },
        },
      );
    },
  });
}
