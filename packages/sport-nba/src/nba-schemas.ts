import { z } from "zod";

// Names, tricode and score are nullable: the full-season schedule holds playoff and cup slots
// whose teams are not known yet; those games are skipped, not rejected.
const teamSchema = z.object({
  teamId: z.number().int(),
  teamName: z.string().nullable(),
  teamCity: z.string().nullable(),
  /** "GSW"; our team id. Non-NBA exhibition opponents have their own ("MEL"). */
  teamTricode: z.string().nullable(),
  score: z.number().int().min(0).nullable(),
});

/** 1 scheduled, 2 live, 3 final. A postponed game says so only in gameStatusText ("PPD"). */
const gameStatusSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** `GET /static/json/liveData/scoreboard/todaysScoreboard_00.json`: today's games, live scores. */
export const nbaScoreboardPayloadSchema = z.object({
  scoreboard: z.object({
    gameDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    games: z.array(
      z.object({
        /** "0042200163": league 00, season type 4, season 22, game 00163. */
        gameId: z.string().regex(/^\d{10}$/),
        /** "20230420/SACGSW": the US Eastern game day, then away and home. */
        gameCode: z.string().regex(/^\d{8}\//),
        gameStatus: gameStatusSchema,
        gameStatusText: z.string(),
        /** True UTC (unlike gameEt, whose offset is unreliable). */
        gameTimeUTC: z.iso.datetime(),
        homeTeam: teamSchema,
        awayTeam: teamSchema,
      }),
    ),
  }),
});

/** `GET /static/json/staticData/scheduleLeagueV2.json`: the whole season; scores only for finished games. */
export const nbaSchedulePayloadSchema = z.object({
  leagueSchedule: z.object({
    /** "2025-26" */
    seasonYear: z.string().regex(/^\d{4}-\d{2}$/),
    gameDates: z.array(
      z.object({
        games: z.array(
          z.object({
            gameId: z.string().regex(/^\d{10}$/),
            gameStatus: gameStatusSchema,
            gameStatusText: z.string(),
            /** US Eastern day with a fake `Z`: only its date part means anything. */
            gameDateEst: z.string().regex(/^\d{4}-\d{2}-\d{2}T/),
            /** True UTC start. */
            gameDateTimeUTC: z.iso.datetime(),
            arenaName: z.string().optional(),
            /** "Preseason", "Emirates NBA Cup", "East First Round", … ("" for most regular-season games). */
            gameLabel: z.string().optional(),
            /** A game at neither team's arena (international games, the NBA Cup's final rounds). */
            isNeutral: z.boolean().optional(),
            homeTeam: teamSchema,
            awayTeam: teamSchema,
          }),
        ),
      }),
    ),
  }),
});

export type NbaScoreboardPayload = z.infer<typeof nbaScoreboardPayloadSchema>;
export type NbaSchedulePayload = z.infer<typeof nbaSchedulePayloadSchema>;
export type NbaScoreboardGame = NbaScoreboardPayload["scoreboard"]["games"][number];
export type NbaScheduleGame = NbaSchedulePayload["leagueSchedule"]["gameDates"][number]["games"][number];
