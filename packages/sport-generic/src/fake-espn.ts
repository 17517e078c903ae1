import { type FakeRoute, json } from "@edgeline/sdk";

/**
 * site.api.espn.com scoreboards: `/apis/site/v2/sports/{sport}/{league}/scoreboard?dates=YYYYMMDD`
 * → espn/{slug}-scoreboard-{YYYY-MM-DD}*.json, slug "nfl", "mlb", "ncaam", "soccer-all", "tennis-atp".
 */
export function espnSlug(sport: string, league: string): string {
  if (league === "mens-college-basketball") return "ncaam";
  if (["football", "baseball", "basketball", "hockey"].includes(sport)) return league;
  return `${sport}-${league}`;
}

export const espnRoutes: FakeRoute[] = [
  {
    name: "espn scoreboard",
    pattern: /^\/apis\/site\/v2\/sports\/([^/]+)\/([^/]+)\/scoreboard$/,
    async handle({ params: [sport, league], query }, { store, today }) {
      const dates = query.get("dates");
      const day =
        dates && /^\d{8}$/.test(dates)
          ? `${dates.slice(0, 4)}-${dates.slice(4, 6)}-${dates.slice(6)}`
          : today;
      const body = await store.first("espn", `${espnSlug(sport!, league!)}-scoreboard-${day}`);
      return body === undefined ? undefined : json(body);
    },
  },
];
