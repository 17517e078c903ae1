import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** Two days of a made-up cricket API, enough to show a third-party sport end to end. */
const MATCHES: Record<string, unknown[]> = {
  "2025-04-05": [
    {
      id: "m-101",
      // 19:30 in Kolkata is 14:00 UTC the same day.
      startUtc: "2025-04-05T14:00:00Z",
      state: "complete",
      ground: "Wankhede Stadium",
      home: { code: "MI", name: "Mumbai Indians", runs: 187 },
      away: { code: "CSK", name: "Chennai Super Kings", runs: 183 },
    },
    {
      id: "m-102",
      startUtc: "2025-04-05T10:00:00Z",
      state: "rain-delayed-to-reserve-day",
      ground: "Eden Gardens",
      home: { code: "KKR", name: "Kolkata Knight Riders" },
      away: { code: "RCB", name: "Royal Challengers Bengaluru" },
    },
  ],
  "2025-04-06": [
    {
      id: "m-103",
      // 01:00 on the 7th in Kolkata: outside a range ending on the 6th.
      startUtc: "2025-04-06T19:30:00Z",
      state: "upcoming",
      ground: "Narendra Modi Stadium",
      home: { code: "GT", name: "Gujarat Titans" },
      away: { code: "RR", name: "Rajasthan Royals" },
    },
  ],
};

/** A tiny local HTTP server for the cricket plugin; records the paths it served. */
export async function startCricketServer(): Promise<{
  url: string;
  paths: string[];
  close(): Promise<void>;
}> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cricket");
    paths.push(url.pathname + url.search);
    const matches = url.pathname === "/v1/matches" ? MATCHES[url.searchParams.get("date") ?? ""] : undefined;
    res.writeHead(url.pathname === "/v1/matches" ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify({ matches: matches ?? [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
