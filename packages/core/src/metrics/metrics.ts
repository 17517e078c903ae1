// Edgeline's Prometheus metrics: one registry per process (the API's /metrics and each worker's
// metrics port serve it), every metric declared here with its labels so that names, help texts
// and label sets have one home. Label values are bounded: sports and sources come from the loaded
// plugins, steps and reasons from fixed lists, HTTP statuses from a finite set.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Why place_bets refused an order: the order_refusals.rule values (the risk limits' RiskRule, the
 * kill switch, the game started, the price check), declared here so the label is bounded.
 */
export const RISK_REFUSAL_REASONS = [
  "trading_paused",
  "game_started",
  "price_moved",
  "max_stake_per_bet",
  "max_stake_per_day",
  "max_stake_per_game",
  "max_open_exposure",
  "daily_loss_limit",
  "max_open_positions",
  "other",
] as const;
export type RiskRefusalReason = (typeof RISK_REFUSAL_REASONS)[number];

/** How a bet was executed: the paper broker, a venue's API, or a person at a book. */
export type BetMode = "paper" | "live" | "manual";

/** Step and job durations run from milliseconds (a snapshot) to minutes (a backfilled fetch). */
const STEP_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function defineMetrics(registry: Registry) {
  const registers = [registry];
  return {
    stepRuns: new Counter({
      name: "edgeline_pipeline_step_runs_total",
      help: "Pipeline step executions (each attempt), by sport and step; sport is 'all' for hourly jobs.",
      labelNames: ["sport", "step"] as const,
      registers,
    }),
    stepFailures: new Counter({
      name: "edgeline_pipeline_step_failures_total",
      help: "Pipeline step attempts that failed, by sport and step.",
      labelNames: ["sport", "step"] as const,
      registers,
    }),
    stepDuration: new Histogram({
      name: "edgeline_pipeline_step_duration_seconds",
      help: "Wall time of a pipeline step attempt, fetch and write, by sport and step.",
      labelNames: ["sport", "step"] as const,
      buckets: STEP_BUCKETS,
      registers,
    }),
    upstreamRequests: new Counter({
      name: "edgeline_upstream_requests_total",
      help: "HTTP requests to upstream sources (each attempt), by source and status (HTTP code, 'timeout' or 'network').",
      labelNames: ["source", "status"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "edgeline_upstream_request_duration_seconds",
      help: "Latency of an upstream HTTP request attempt, headers and body, by source.",
      labelNames: ["source"] as const,
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    graphqlRequests: new Counter({
      name: "edgeline_graphql_requests_total",
      help: "GraphQL operations, by operation name ('anonymous', or 'other' past the name limit) and outcome (ok, error).",
      labelNames: ["operation", "outcome"] as const,
      registers,
    }),
    graphqlDuration: new Histogram({
      name: "edgeline_graphql_request_duration_seconds",
      help: "Execution time of a GraphQL operation, by operation name.",
      labelNames: ["operation"] as const,
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    recommendationsCreated: new Counter({
      name: "edgeline_recommendations_created_total",
      help: "Recommendations created above the notification edge, by sport.",
      labelNames: ["sport"] as const,
      registers,
    }),
    betsPlaced: new Counter({
      name: "edgeline_bets_placed_total",
      help: "Bets placed, by venue and mode (paper, live, manual).",
      labelNames: ["venue", "mode"] as const,
      registers,
    }),
    betsSettled: new Counter({
      name: "edgeline_bets_settled_total",
      help: "Bets settled, by venue, mode and status (won, lost, void...).",
      labelNames: ["venue", "mode", "status"] as const,
      registers,
    }),
    riskRefusals: new Counter({
      name: "edgeline_risk_refusals_total",
      help: "Orders refused by a risk check, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    dailyLossLimit: new Gauge({
      name: "edgeline_daily_loss_limit",
      help: "The configured daily loss limit in currency units (set by the risk checks when one is configured).",
      registers,
    }),
    notificationDeliveries: new Counter({
      name: "edgeline_notification_deliveries_total",
      help: "Notification delivery attempts, by sink kind and outcome (delivered, failed).",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
  };
}

export type EdgelineMetrics = ReturnType<typeof defineMetrics> & { registry: Registry };

/** A fresh registry with every Edgeline metric (tests; a process uses `processMetrics()`). */
export function createMetrics(opts: { defaultMetrics?: boolean } = {}): EdgelineMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
    // prom-client also exports these gauges under a _total name, which Prometheus' conventions
    // reserve for counters (promtool check metrics refuses them); the plain names stay.
    for (const name of [
      "nodejs_active_handles_total",
      "nodejs_active_requests_total",
      "nodejs_active_resources_total",
    ])
      registry.removeSingleMetric(name);
  }
  return { ...defineMetrics(registry), registry };
}

let processWide: EdgelineMetrics | undefined;

/** The process's metrics: what the pipeline, the HTTP clients and the servers record into. */
export function processMetrics(): EdgelineMetrics {
  processWide ??= createMetrics();
  return processWide;
}

/** Counts a risk refusal (for the execution code); an unknown reason counts as 'other'. */
export function recordRiskRefusal(reason: string, metrics = processMetrics()): void {
  const bounded = (RISK_REFUSAL_REASONS as readonly string[]).includes(reason) ? reason : "other";
  metrics.riskRefusals.inc({ reason: bounded });
}
