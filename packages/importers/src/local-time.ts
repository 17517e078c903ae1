// Wall-clock times in an IANA zone to UTC instants ("20:00 on 2023-10-28 in Europe/London"),
// with the zone's own summer-time rules from Intl (no table of our own).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    formatters.set(timeZone, f);
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

/** Day of the week of a calendar day: 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
