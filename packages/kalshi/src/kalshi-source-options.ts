import { z } from "zod";

/** What a sport tells the Kalshi source (its `sourceOptions.kalshi`): the game series to list. */
export const kalshiSportOptionsSchema = z.object({
  /** Game series tickers, e.g. ["KXNHLGAME"]. */
  series: z.array(z.string().regex(/^[A-Z0-9]+$/, "a series ticker is upper-case letters and digits")).min(1),
});

export type KalshiSportOptions = z.infer<typeof kalshiSportOptionsSchema>;
