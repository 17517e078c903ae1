import { z } from "zod";
import { calendarDaySchema } from "./game-record.ts";

/** Inclusive range of league-local calendar days, `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

/** Longest range one fetch may ask for: a season is fetched month by month, not in one call. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

export const dateRangeSchema = z
  .object({ from: calendarDaySchema, to: calendarDaySchema })
  .refine((r) => r.from <= r.to, "from is after to")
  .refine((r) => dayIndex(r.to) - dayIndex(r.from) < MAX_RANGE_DAYS, `longer than ${MAX_RANGE_DAYS} days`);

function dayIndex(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

/** Every day of the range, in order. */
export function eachDay(range: DateRange): string[] {
  const { from, to } = dateRangeSchema.parse(range);
  const days: string[] = [];
  for (let i = dayIndex(from); i <= dayIndex(to); i++)
    days.push(new Date(i * DAY_MS).toISOString().slice(0, 10));
  return days;
}

/** Adds whole days to a calendar day. */
export function addDays(day: string, days: number): string {
  return new Date((dayIndex(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function isInRange(day: string, range: DateRange): boolean {
  return day >= range.from && day <= range.to;
}

/** The calendar day an instant falls on in an IANA time zone ("America/New_York", "UTC"). */
export function calendarDayIn(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
