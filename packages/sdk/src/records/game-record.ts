import { z } from "zod";
import { calendarDaySchema } from "../calendar/calendar-day.ts";
import { ENTITY_ID_PATTERN } from "./entity-id.ts";
import { assignGameIds, GAME_ID_PATTERN, type GameDraft } from "./game-id.ts";
import { gameStatusSchema } from "./status.ts";

const entityIdSchema = z.string().regex(ENTITY_ID_PATTERN, "expected an upper-case entity id without '_'");
const scoreSchema = z.number().int().min(0).nullable();

/**
 * One row of `unified_games` as a plugin produces it (`loaded_at` is set by the database).
 * Scores are null until the game has started; a Scheduled or Postponed game never carries one.
 * Preseason and exhibition games are not records: a plugin leaves them out, so they are never rated.
 */
export const gameRecordSchema = z
  .object({
    /** `{SPORT}_{YYYYMMDD}_{AWAY}_{HOME}`, `_2` etc. for a further game of the same pairing that day. */
    gameId: z.string().regex(GAME_ID_PATTERN, "expected {SPORT}_{YYYYMMDD}_{AWAY}_{HOME}[_n]"),
    /** Sport code of the plugin that produced the record, e.g. "NHL". */
    sport: z.string().regex(/^[A-Z0-9]{2,12}$/),
    /** The league's local calendar day of the game (not the UTC day). */
    gameDate: calendarDaySchema,
    /** Season by its starting year: 2023 for 2023-24. */
    season: z.number().int().min(1900).max(2200).nullable(),
    status: gameStatusSchema,
    homeTeamId: entityIdSchema,
    homeTeamName: z.string().min(1),
    awayTeamId: entityIdSchema,
    awayTeamName: z.string().min(1),
    homeScore: scoreSchema,
    awayScore: scoreSchema,
    /** Scheduled start, an instant (UTC). */
    commenceTime: z.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date"),
    venue: z.string().min(1).nullable(),
    /** Played at neither side's home (rated without home advantage). Absent: not neutral. */
    neutralSite: z.boolean().optional(),
    /** A playoff (postseason) game (rated with the model's playoff multiplier). Absent: regular season. */
    playoff: z.boolean().optional(),
    /**
     * A Final game's score at the end of regulation, where the source gives it: a history file's
     * periods, or how the game ended (hockey: overtime and the shootout add one goal to the
     * winner). Absent: not known, and a stored one stays.
     */
    regulationScore: z.object({ home: z.number().int().min(0), away: z.number().int().min(0) }).optional(),
  })
  .superRefine((g, ctx) => {
    if (!g.gameId.startsWith(`${g.sport}_${g.gameDate.replaceAll("-", "")}_`)) {
      ctx.addIssue({ code: "custom", path: ["gameId"], message: `does not start with sport and gameDate` });
    }
    if (
      (g.status === "Scheduled" || g.status === "Postponed") &&
      (g.homeScore !== null || g.awayScore !== null)
    ) {
      ctx.addIssue({ code: "custom", path: ["homeScore"], message: `a ${g.status} game carries no score` });
    }
    if (g.status === "Final" && (g.homeScore === null || g.awayScore === null)) {
      ctx.addIssue({ code: "custom", path: ["homeScore"], message: "a Final game needs both scores" });
    }
    const r = g.regulationScore;
    if (r && g.status !== "Final") {
      ctx.addIssue({
        code: "custom",
        path: ["regulationScore"],
        message: `a game ${g.status}, not Final, has no regulation score`,
      });
    } else if (r && (r.home > g.homeScore! || r.away > g.awayScore!)) {
      ctx.addIssue({
        code: "custom",
        path: ["regulationScore"],
        message: `regulation ${r.home}-${r.away} exceeds the final ${g.homeScore}-${g.awayScore}`,
      });
    }
  });

export type GameRecord = z.infer<typeof gameRecordSchema>;

/** Validated records of a fetch's drafts, with their game ids: what a sport's `fetchGames` returns. */
export function toGameRecords(drafts: readonly GameDraft[]): GameRecord[] {
  return assignGameIds(drafts).map((g) => gameRecordSchema.parse(g));
}
