import path from "node:path";
import { type FakeRoute, json } from "@edgeline/sdk";

/** cdn.nba.com static JSON. The scoreboard has no date in its URL: the server's `today` picks the file. */
export const nbaRoutes: FakeRoute[] = [
  {
    name: "nba todaysScoreboard",
    pattern: /^\/static\/json\/liveData\/scoreboard\/todaysScoreboard_00\.json$/,
    async handle(_request, { store, today }) {
      const exact = await store.first("nba", `todaysScoreboard_00-${today}`);
      if (exact !== undefined) return json(exact);
      // Otherwise the latest recorded day not after today, as the live file would have been.
      const files = await store.find("nba", "todaysScoreboard_00-");
      const past = files.filter((f) => path.basename(f).slice("todaysScoreboard_00-".length, -5) <= today);
      const file = past.at(-1) ?? files.at(-1);
      return file === undefined ? undefined : json(await store.read(file));
    },
  },
  {
    name: "nba scheduleLeagueV2",
    pattern: /^\/static\/json\/staticData\/scheduleLeagueV2(?:_\d+)?\.json$/,
    async handle(_request, { store }) {
      const body = await store.first("nba", "scheduleLeagueV2");
      return body === undefined ? undefined : json(body);
    },
  },
];
