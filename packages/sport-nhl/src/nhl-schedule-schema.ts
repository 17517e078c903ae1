import { z } from "zod";

/** api-web.nhle.com localised text: `{ default: "Bruins", fr?: ... }`. */
const localized = z.object({ default: z.string() });

const teamSchema = z.object({
  id: z.number().int(),
  /** League tricode ("BOS"); our team id. */
  abbrev: z.string().min(2),
  placeName: localized.optional(),
  commonName: localized.optional(),
  /** Present only once the game has started. */
  score: z.number().int().min(0).optional(),
});

/** FUT/PRE before the game, LIVE/CRIT during, FINAL/OFF (and OVER, seen in clients) after. */
export const nhlGameStateSchema = z.enum(["FUT", "PRE", "LIVE", "CRIT", "FINAL", "OFF", "OVER"]);
/** Checked before gameState: a PPD game keeps gameState FUT. */
export const nhlScheduleStateSchema = z.enum(["OK", "PPD", "CNCL", "TBD", "SUSP"]);

export const nhlGameSchema = z.object({
  /** 2025020001: season 2025, type 02, game 0001. */
  id: z.number().int(),
  /** 20252026 */
  season: z.number().int(),
  /** 1 preseason, 2 regular season, 3 playoffs, 4 all-star. */
  gameType: z.number().int(),
  venue: localized.optional(),
  /** Global Series and other games at neither team's arena. */
  neutralSite: z.boolean().optional(),
  startTimeUTC: z.iso.datetime(),
  gameState: nhlGameStateSchema,
  gameScheduleState: nhlScheduleStateSchema,
  awayTeam: teamSchema,
  homeTeam: teamSchema,
  /**
   * On finished games: the period the game ended in (REG, OT: overtime, SO: the shootout). Any
   * string: a period type the NHL adds leaves the regulation score unknown, not the schedule unread.
   */
  gameOutcome: z.object({ lastPeriodType: z.string() }).optional(),
});

/** `GET /v1/schedule/{YYYY-MM-DD}`: the week starting that day, days in US Eastern time. */
export const nhlSchedulePayloadSchema = z.object({
  gameWeek: z.array(
    z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      games: z.array(nhlGameSchema),
    }),
  ),
});

export type NhlGame = z.infer<typeof nhlGameSchema>;
export type NhlSchedulePayload = z.infer<typeof nhlSchedulePayloadSchema>;
