// GET /metrics in Prometheus' text format, guarded by an optional bearer token: the one answer
// the API (use-metrics.ts) and every worker's metrics port (startMetricsServer) give.
import { timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export const METRICS_ENDPOINT = "/metrics";

export interface MetricsAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function tokenMatches(expected: string, authorization: string | null | undefined): boolean {
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

export async function metricsAnswer(
  registry: Registry,
  token: string | undefined,
  authorization: string | null | undefined,
): Promise<MetricsAnswer> {
  if (token && !tokenMatches(token, authorization)) {
    return {
      status: 401,
      headers: { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' },
      body: "metrics need the bearer token (EDGELINE_METRICS_TOKEN)\n",
    };
  }
  return { status: 200, headers: { "content-type": registry.contentType }, body: await registry.metrics() };
}

export interface MetricsServer {
  /** http://host:port/metrics */
  url: string;
  close(): Promise<void>;
}

/** A worker process's scrape target: /metrics (and /health, 200 while the process lives). */
export async function startMetricsServer(opts: {
  port: number;
  host?: string;
  token: string | undefined;
  registry: Registry;
}): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/health") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (req.method !== "GET" || path !== METRICS_ENDPOINT) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    metricsAnswer(opts.registry, opts.token, req.headers.authorization).then(
      (a) => res.writeHead(a.status, a.headers).end(a.body),
      (error: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}${METRICS_ENDPOINT}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
