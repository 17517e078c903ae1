import { z } from "zod";

/** What a sport tells The Odds API source (its `sourceOptions["the-odds-api"]`). */
export const oddsApiSportOptionsSchema = z.object({
  /** The API's sport key: "icehockey_nhl", "soccer_epl" (tennis: the `tennis_atp_` prefix of per-tournament keys). */
  sportKey: z.string().regex(/^[a-z0-9_]+$/, "a sport key is lower-case letters, digits and '_'"),
});

export type OddsApiSportOptions = z.infer<typeof oddsApiSportOptionsSchema>;

/** The source's own configuration, from the environment. */
export const oddsApiConfigSchema = z.object({
  /** The Odds API key; without one the source is skipped (the fake upstream accepts any). */
  ODDS_API_KEY: z.string().min(1).optional(),
});

export type OddsApiConfig = z.infer<typeof oddsApiConfigSchema>;
