// Calendar days as `YYYY-MM-DD` strings: the one form Edgeline uses for game days, rating
// validity, run dates and date options. As strings they compare and sort correctly, and no time
// zone can shift a game to another day. Every day helper of the project lives here, and the one
// conversion of a wall-clock time in a zone to an instant (`instantInZone`).
import { z } from "zod";

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Earliest and latest days accepted from users and upstreams: outside, a date is a typo. */
export const EARLIEST_DAY = "1900-01-01";
export const LATEST_DAY = "2199-12-31";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `day` is a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  if (typeof day !== "string" || !DAY_PATTERN.test(day)) return false;
  // Arithmetic rather than Date objects (ten times slower): Elo replays check every game's day.
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && date >= 1 && date <= days;
}

/** A calendar day `YYYY-MM-DD` that exists, between 1900 and 2199. */
export const calendarDaySchema = z
  .string()
  .regex(DAY_PATTERN, "expected YYYY-MM-DD")
  .refine(isCalendarDay, "not a real calendar day")
  .refine((d) => d >= EARLIEST_DAY && d <= LATEST_DAY, `must be between ${EARLIEST_DAY} and ${LATEST_DAY}`);

/** Throws, naming `what`, unless `day` is a real calendar day written YYYY-MM-DD. */
export function assertCalendarDay(day: string, what: string): void {
  if (typeof day !== "string" || !DAY_PATTERN.test(day))
    throw new Error(`${what}: "${day}" is not a date in YYYY-MM-DD form`);
  if (!isCalendarDay(day)) throw new Error(`${what}: "${day}" is not a real calendar day`);
}

/** Days since 1970-01-01 (negative before). */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

/** Adds whole days (negative to go back). */
export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The day after `day`. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Midnight UTC at the start of `day`. */
export function startOfDayUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The UTC day of an instant, or the first 10 characters of a day string (Prisma gives Dates for DATE columns). */
export function utcDay(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
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

// Wall-clock times in an IANA zone to UTC instants ("20:00 on 2023-10-28 in Europe/London"),
// with the zone's own summer-time rules from Intl (no table of our own).

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    zoneFormatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in ms (+3,600,000 for BST). */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show `time` (`HH:MM`) on `day` (`YYYY-MM-DD`). A time
 * inside the hour a clock change skips or repeats maps to an instant next to it (kick-offs and
 * tip-offs never fall there).
 */
export function instantInZone(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  // Two passes: the offset at the first guess may be the other side of a clock change.
  const roundTrips = (t: number) => t + offsetAt(t, timeZone) === wall;
  return new Date(roundTrips(second) || !roundTrips(first) ? second : first);
}

/** Inclusive range of calendar days. */
export interface DateRange {
  from: string;
  to: string;
}

/** Longest range one fetch may ask for: a season is fetched month by month, not in one call. */
export const MAX_RANGE_DAYS = 366;

export const dateRangeSchema = z
  .object({ from: calendarDaySchema, to: calendarDaySchema })
  .refine((r) => r.from <= r.to, "from is after to")
  .refine((r) => daysBetween(r.from, r.to) < MAX_RANGE_DAYS, `longer than ${MAX_RANGE_DAYS} days`);

/** Every day of a range, in order (validated; at most MAX_RANGE_DAYS). */
export function eachDay(range: DateRange): string[] {
  const { from, to } = dateRangeSchema.parse(range);
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}

export function isInRange(day: string, range: DateRange | undefined): boolean {
  return !range || (day >= range.from && day <= range.to);
}
