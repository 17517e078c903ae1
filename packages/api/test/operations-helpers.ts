// Shared by the operations tests: an API server on a given database (any pool: a proxy's), a TCP
// proxy that can be cut to take "the database" down, and a local notification receiver that
// records every request and answers as told (status codes, a stall for timeouts).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo, connect, createServer as createTcpServer, type Socket } from "node:net";
import type { PluginRegistry } from "@edgeline/core";
import { sportCatalogFromPlugins } from "../src/graphql/sport-catalog.ts";
import { defaultLimits } from "../src/server/config.ts";
import { createApiServer, createChangePubSub } from "../src/server/create-api-server.ts";
import { createApiDatabase } from "../src/server/database.ts";
import { workerPipelineQueue } from "../src/server/pipeline-queue-adapter.ts";

export interface TestApi {
  origin: string;
  close(): Promise<void>;
}

export async function startTestApi(
  databaseUrl: string,
  plugins: PluginRegistry,
  opts: { readyRequiresWorker?: boolean; metricsToken?: string; readRequiresKey?: boolean } = {},
): Promise<TestApi> {
  const api = createApiDatabase(databaseUrl, { poolSize: 3, statementTimeoutMs: 5000 });
  const { listener } = createApiServer({
    prisma: api.prisma,
    sql: api.pool,
    sports: sportCatalogFromPlugins(plugins),
    pipeline: workerPipelineQueue({ pool: api.pool, plugins }),
    pubsub: createChangePubSub(),
    config: {
      readRequiresKey: opts.readRequiresKey ?? false,
      corsOrigins: [],
      maxBodyBytes: 100 * 1024,
      limits: defaultLimits,
    },
    logging: false,
    ...(opts.readyRequiresWorker === undefined ? {} : { readyRequiresWorker: opts.readyRequiresWorker }),
    ...(opts.metricsToken === undefined ? {} : { metricsToken: opts.metricsToken }),
  });
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

/** A TCP proxy to PostgreSQL: `cut()` closes the port and every connection, `restore()` reopens it. */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server = createTcpServer();
  let port = 0;
  const listen = async () => {
    server = createTcpServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("error", () => {});
        s.on("close", () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    restore: listen,
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** A local receiver: records each request; `answers[path]` (consumed in order) say how to reply. */
export async function startReceiver() {
  const requests: ReceivedRequest[] = [];
  const answers: Record<string, Array<number | "stall">> = {};
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      requests.push({ path: req.url ?? "/", headers: req.headers, body, at: Date.now() });
      const answer = answers[req.url ?? "/"]?.shift() ?? 200;
      if (answer === "stall") return; // never answers: the sender's timeout fires
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    answers,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
