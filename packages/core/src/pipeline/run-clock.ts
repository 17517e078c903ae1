// When a run acts. A run of today (or later) is live: it acts now, on the prices on offer now. A
// run of a day already over in the sport's zone (a backfill) replays that day as the pipeline would
// have run it: it decides a lead time before the day's first game, on the prices quoted by then
// (odds sources fetch them from their history), and its bets are placed then. No step of a replay
// sees a price quoted after its decision time.
import { calendarDayIn, DEFAULT_REPLAY_LEAD_MINUTES, type SportPlugin } from "@edgeline/sdk";
import { gamesBetween } from "../repositories/games.ts";
import type { Queryable } from "../repositories/queryable.ts";
import type { PipelineDeps } from "./deps.ts";
import type { StepTarget } from "./step.ts";

export interface RunClock {
  /** A past day replayed: prices come from the sources' history, decisions are made at `decidesAt`. */
  replay: boolean;
  /** The instant the run decides at: now for a live run; for a replay, the lead before the day's first game. */
  decidesAt: Date;
}

/** Whether `day` is over in the sport's zone at `now`. */
export function isPastDay(day: string, now: Date, timeZone: string): boolean {
  return day < calendarDayIn(now, timeZone);
}

/** The lead before the first of `starts`; the start of the UTC day when the day has no start times. */
export function replayDecisionTime(day: string, starts: readonly Date[], leadMinutes: number): Date {
  if (starts.length === 0) return new Date(`${day}T00:00:00Z`);
  const first = Math.min(...starts.map((s) => s.getTime()));
  return new Date(first - leadMinutes * 60_000);
}

/** The clock of a sport's run for a day: live now, or a replay deciding before the day's first game. */
export async function runClock(
  db: Queryable,
  deps: Pick<PipelineDeps, "now">,
  sport: SportPlugin,
  target: StepTarget,
): Promise<RunClock> {
  const now = deps.now();
  if (!isPastDay(target.date, now, sport.timeZone)) return { replay: false, decidesAt: now };
  const games = await gamesBetween(db, sport.code, target.date, target.date);
  const starts = games.flatMap((g) => (g.commenceTime ? [g.commenceTime] : []));
  return {
    replay: true,
    decidesAt: replayDecisionTime(
      target.date,
      starts,
      sport.replayLeadMinutes ?? DEFAULT_REPLAY_LEAD_MINUTES,
    ),
  };
}
