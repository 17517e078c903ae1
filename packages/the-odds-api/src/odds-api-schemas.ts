import { z } from "zod";

/** ISO-8601 UTC instant as The Odds API writes it ("2024-02-24T00:40:00Z"). */
const isoInstant = z.iso.datetime({ offset: true });

export const oddsApiOutcomeSchema = z.object({
  name: z.string().min(1),
  /** Decimal (1.91) or American (-110) depending on the request's oddsFormat. */
  price: z.number(),
  point: z.number().optional(),
});

export const oddsApiMarketSchema = z.object({
  key: z.string(),
  last_update: isoInstant.optional(),
  outcomes: z.array(oddsApiOutcomeSchema),
});

export const oddsApiBookmakerSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  last_update: isoInstant,
  markets: z.array(oddsApiMarketSchema),
});

export const oddsApiEventSchema = z.object({
  id: z.string().min(1),
  sport_key: z.string(),
  sport_title: z.string().optional(),
  commence_time: isoInstant,
  home_team: z.string().min(1),
  away_team: z.string().min(1),
  bookmakers: z.array(oddsApiBookmakerSchema),
});
export type OddsApiEvent = z.infer<typeof oddsApiEventSchema>;

/** `GET /v4/sports/{sport}/odds` */
export const oddsApiOddsResponseSchema = z.array(oddsApiEventSchema);

/** `GET /v4/historical/sports/{sport}/odds?date=` wraps the same events with snapshot times. */
export const oddsApiHistoricalOddsSchema = z.object({
  timestamp: isoInstant,
  previous_timestamp: isoInstant.nullish(),
  next_timestamp: isoInstant.nullish(),
  data: oddsApiOddsResponseSchema,
});
export type OddsApiHistoricalOdds = z.infer<typeof oddsApiHistoricalOddsSchema>;

/** `GET /v4/sports/{sport}/scores`: `score` is a string; scores match teams by name. */
export const oddsApiScoresResponseSchema = z.array(
  z.object({
    id: z.string().min(1),
    sport_key: z.string(),
    commence_time: isoInstant,
    completed: z.boolean(),
    home_team: z.string(),
    away_team: z.string(),
    scores: z.array(z.object({ name: z.string(), score: z.string() })).nullable(),
    last_update: isoInstant.nullable(),
  }),
);

export const ODDS_FORMATS = ["decimal", "american"] as const;
export type OddsFormat = (typeof ODDS_FORMATS)[number];
