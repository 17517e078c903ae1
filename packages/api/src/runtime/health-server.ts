// A bare HTTP server answering GET /health: what `pnpm start` serves when the API is disabled.
import { createServer } from "node:http";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startHealthServer(port: number, check: () => Promise<boolean>): Promise<RunningServer> {
  const server = createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      const ok = await check().catch(() => false);
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: ok ? "ok" : "unavailable" }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(port, ok));
  const addr = server.address();
  const actual = typeof addr === "object" && addr ? addr.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    stop: () => new Promise((ok) => server.close(() => ok())),
  };
}
