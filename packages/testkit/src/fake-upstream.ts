import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type FakeContext, type FakeResponse, type FakeRoute, PayloadStore, utcDay } from "@edgeline/sdk";
import { type Fault, type FaultRoute, FaultTable, renameField } from "./faults.ts";

export interface FakeUpstreamOptions {
  /** Payload directory: `../shared/fixtures` for tests, the demo generator's output for the demo. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** @defaultValue "127.0.0.1" */
  host?: string;
  /** The endpoints served: the plugins' `fake.routes` (see fakeRoutesOf), first match wins. */
  routes: readonly FakeRoute[];
  /** Day served by date-less endpoints such as NBA's todaysScoreboard. @defaultValue today (UTC) */
  today?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  status: number;
  route?: string;
  fault?: Fault["kind"];
}

export interface FakeUpstream {
  /** `http://127.0.0.1:{port}`; Kalshi lives under `${url}/trade-api/v2`. */
  url: string;
  port: number;
  /** Every request served, in order (for asserting retries). */
  requests: RecordedRequest[];
  injectFault(route: FaultRoute, fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server that answers like the real upstream APIs from recorded (or generated)
 * payloads, and injects faults on request. Control endpoints, for processes that did not start it:
 * `POST /__fake/faults` `{ "route": "/v1/schedule", "fault": { "kind": "status", "status": 500, "times": 2 } }`,
 * `DELETE /__fake/faults`, `GET /__fake/requests`.
 */
export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const routes = options.routes;
  const faults = new FaultTable();
  const requests: RecordedRequest[] = [];
  const context: FakeContext = {
    store: new PayloadStore(options.dataDir),
    today: options.today ?? utcDay(new Date()),
    counters: new Map(),
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: `fake upstream: ${String(error)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const log = (entry: Omit<RecordedRequest, "method" | "url">) =>
      requests.push({ method: req.method ?? "GET", url: url.pathname + url.search, ...entry });

    if (url.pathname.startsWith("/__fake/")) return control(req, res, url);

    const fault = faults.take(url.pathname + url.search);
    if (fault?.kind === "status") {
      log({ status: fault.status, fault: fault.kind });
      return send(res, fault.status, { error: `injected ${fault.status}` });
    }
    if (fault?.kind === "rate_limit") {
      log({ status: 429, fault: fault.kind });
      return send(
        res,
        429,
        { message: "Too many requests (injected)" },
        { "retry-after": String(fault.retryAfterSeconds) },
      );
    }
    if (fault?.kind === "delay") {
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (res.destroyed) return void log({ status: 0, fault: fault.kind });
    }

    const method = req.method ?? "GET";
    const match = routes
      .filter((route) => (route.methods ?? ["GET"]).includes(method))
      .map((route) => ({ route, m: route.pattern.exec(url.pathname) }))
      .find((r) => r.m !== null);
    const body = match && method !== "GET" && method !== "HEAD" ? await readBody(req) : "";
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers))
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    const response: FakeResponse | undefined = match
      ? await match.route.handle(
          { method, path: url.pathname, query: url.searchParams, params: match.m!.slice(1), headers, body },
          context,
        )
      : undefined;
    if (!response) {
      log({ status: 404, ...(match ? { route: match.route.name } : {}) });
      return send(res, 404, { error: "no recorded payload", path: url.pathname + url.search });
    }

    let payload = response.body;
    if (fault?.kind === "rename_field") payload = renameField(payload, fault.from, fault.to);
    let text = JSON.stringify(payload);
    if (fault?.kind === "truncate") text = text.slice(0, Math.floor(text.length / 2));
    const status = response.status ?? 200;
    log({ status, route: match!.route.name, ...(fault ? { fault: fault.kind } : {}) });
    sendText(res, status, text, response.headers);
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === "/__fake/requests") return send(res, 200, requests);
    if (url.pathname === "/__fake/faults" && req.method === "DELETE") {
      faults.clear();
      return send(res, 200, { cleared: true });
    }
    if (url.pathname === "/__fake/faults" && req.method === "POST") {
      const { route, fault } = JSON.parse(await readBody(req)) as {
        route: string;
        fault: Fault;
      };
      faults.add(route, fault);
      return send(res, 200, { added: { route, fault } });
    }
    return send(res, 404, { error: "unknown control endpoint" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    requests,
    injectFault: (route, fault) => faults.add(route, fault),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Every fake route the plugins bring, each once (the ESPN sports share theirs). */
export function fakeRoutesOf(
  plugins: ReadonlyArray<{ fake?: { routes: readonly FakeRoute[] } }>,
): FakeRoute[] {
  return [...new Set(plugins.flatMap((p) => p.fake?.routes ?? []))];
}

function send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  sendText(res, status, JSON.stringify(body), headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers?: Record<string, string>): void {
  const buffer = Buffer.from(text, "utf8");
  res.writeHead(status, { "content-type": "application/json", "content-length": buffer.length, ...headers });
  res.end(buffer);
}
