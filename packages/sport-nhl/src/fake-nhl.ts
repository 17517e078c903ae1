import { type FakeRoute, json } from "@edgeline/sdk";

/** api-web.nhle.com v1: `/v1/schedule/{date}`, `/v1/score/{date}`, `/v1/standings/{date}` → nhl/{kind}-{date}.json */
export const nhlRoutes: FakeRoute[] = [
  {
    name: "nhl schedule/score/standings",
    pattern: /^\/v1\/(schedule|score|standings)\/(\d{4}-\d{2}-\d{2}|now)$/,
    async handle({ params: [kind, date] }, { store, today }) {
      const day = date === "now" ? today : date;
      const body = await store.first("nhl", `${kind}-${day}`);
      return body === undefined ? undefined : json(body);
    },
  },
];
