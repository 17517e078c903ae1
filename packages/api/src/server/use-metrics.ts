// GraphQL requests in the metrics (by operation name and outcome, with a latency histogram) and
// GET /metrics itself (Prometheus text format, optional bearer token). Operation names come from
// clients, so the label is bounded: a name must look like one, and past the first 100 distinct
// names every new one counts as "other".
import type { EdgelineMetrics } from "@edgeline/core";
import { type ExecutionArgs, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { METRICS_ENDPOINT, metricsAnswer } from "./metrics-endpoint.ts";

const MAX_OPERATION_NAMES = 100;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function boundedOperationName(seen: Set<string>, name: string | null | undefined): string {
  if (!name) return "anonymous";
  if (!NAME.test(name)) return "other";
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_NAMES) return "other";
  seen.add(name);
  return name;
}

/** The label of an execution: its operation name, or the name of the document's one operation. */
export function operationLabel(
  seen: Set<string>,
  args: Pick<ExecutionArgs, "document" | "operationName">,
): string {
  return boundedOperationName(
    seen,
    args.operationName ?? getOperationAST(args.document, args.operationName ?? undefined)?.name?.value,
  );
}

export function useMetrics(
  metrics: EdgelineMetrics,
  opts: {
    token?: string | undefined;
    /** The operation names labelled so far, shared with the compiled lane. @defaultValue its own */
    operationNames?: Set<string>;
  },
): Plugin {
  const seen = opts.operationNames ?? new Set<string>();
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT || request.method !== "GET") return;
      const answer = await metricsAnswer(metrics.registry, opts.token, request.headers.get("authorization"));
      endResponse(new fetchAPI.Response(answer.body, { status: answer.status, headers: answer.headers }));
    },
    onValidate({ params }) {
      return ({ valid }) => {
        if (valid) return;
        const operation = getOperationAST(params.documentAST);
        metrics.graphqlRequests.inc({
          operation: boundedOperationName(seen, operation?.name?.value),
          outcome: "invalid",
        });
      };
    },
    onExecute({ args }) {
      const operation = operationLabel(seen, args);
      const stop = metrics.graphqlDuration.startTimer({ operation });
      return {
        onExecuteDone({ result }) {
          stop();
          const failed = "errors" in result && Array.isArray(result.errors) && result.errors.length > 0;
          metrics.graphqlRequests.inc({ operation, outcome: failed ? "error" : "ok" });
        },
      };
    },
  };
}
