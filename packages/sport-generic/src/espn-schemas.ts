import { z } from "zod";

/** ESPN writes UTC without seconds ("2022-09-17T22:10Z"); ECMAScript Date parses that form. */
const espnInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/,
    "expected a UTC instant like 2022-09-17T22:10Z",
  );

export const espnStatusSchema = z.object({
  type: z.object({
    /** STATUS_SCHEDULED, STATUS_FINAL, STATUS_POSTPONED, STATUS_RETIRED, ... */
    name: z.string(),
    state: z.enum(["pre", "in", "post"]),
    /** The only reliable "finished" flag: a postponed game is state "post" but not completed. */
    completed: z.boolean(),
  }),
});

const competitorSchema = z.object({
  id: z.string(),
  /** Not home-first, and arbitrary in tennis (both TBD slots can say "away"). */
  homeAway: z.enum(["home", "away"]).optional(),
  order: z.number().int().optional(),
  /** A string in team sports ("20"); absent in tennis. */
  score: z.union([z.string(), z.number()]).optional(),
  winner: z.boolean().optional(),
  team: z.object({ id: z.string(), abbreviation: z.string().optional(), displayName: z.string() }).optional(),
  athlete: z.object({ displayName: z.string() }).optional(),
  /** Tennis: one entry per set, `winner` true on the side that took it. */
  linescores: z.array(z.object({ value: z.number().optional(), winner: z.boolean().optional() })).optional(),
});

const competitionSchema = z.object({
  id: z.string(),
  date: espnInstant,
  /** Played at neither team's home (bowl games, international series, neutral-court tournaments). */
  neutralSite: z.boolean().optional(),
  status: espnStatusSchema.optional(),
  venue: z.object({ fullName: z.string().optional() }).optional(),
  competitors: z.array(competitorSchema),
});

const eventSchema = z.object({
  id: z.string(),
  /** "s:600~l:700~e:740898": sport, league, event; the league part tells soccer/all's leagues apart. */
  uid: z.string(),
  date: espnInstant,
  /**
   * US leagues: `type` 1 preseason, 2 regular season, 3 postseason, 4 off-season, with `slug`
   * "preseason", "regular-season", "post-season". Soccer writes a league-season id in `type`
   * (13481) and the season's name in `slug`: only the slug is read there.
   */
  season: z
    .object({ year: z.number().int(), type: z.number().int().optional(), slug: z.string().optional() })
    .optional(),
  status: espnStatusSchema.optional(),
  /** Team sports: one competition per event. */
  competitions: z.array(competitionSchema).optional(),
  /** Tennis: a tournament event, its matches grouped by draw ("mens-singles"). */
  groupings: z
    .array(z.object({ grouping: z.object({ slug: z.string() }), competitions: z.array(competitionSchema) }))
    .optional(),
});

/** `GET /apis/site/v2/sports/{sport}/{league}/scoreboard?dates=YYYYMMDD`: only the fields we use. */
export const espnScoreboardSchema = z.object({ events: z.array(eventSchema) });

export type EspnScoreboard = z.infer<typeof espnScoreboardSchema>;
export type EspnEvent = EspnScoreboard["events"][number];
export type EspnCompetition = NonNullable<EspnEvent["competitions"]>[number];
export type EspnCompetitor = EspnCompetition["competitors"][number];
export type EspnStatus = z.infer<typeof espnStatusSchema>;
