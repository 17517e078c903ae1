// Upstream HTTP calls into the metrics: the SDK's HttpClient reports each attempt to an observer
// (it knows nothing of Prometheus); this is the observer the host gives every plugin's clients.
import type { HttpAttemptObservation } from "@edgeline/sdk";
import { type EdgelineMetrics, processMetrics } from "./metrics.ts";

export function upstreamObserver(metrics: EdgelineMetrics = processMetrics()) {
  return (o: HttpAttemptObservation): void => {
    metrics.upstreamRequests.inc({ source: o.source, status: String(o.status) });
    metrics.upstreamDuration.observe({ source: o.source }, o.durationMs / 1000);
  };
}
