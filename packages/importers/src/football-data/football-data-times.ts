import { addDays, instantInZone, weekday } from "@edgeline/sdk";

/** football-data.co.uk's dates and kick-off times are UK local time. */
export const UK = "Europe/London";

/** Kick-off when a file has no `Time` column (files before 2019): 15:00 UK, marked nominal. */
export const NOMINAL_KICKOFF = "15:00";

/**
 * When the pre-match (opening) prices were quoted. football-data.co.uk collects them on Friday
 * afternoon for weekend games and on Tuesday afternoon for midweek games; the file records no
 * time, so the importer takes 12:00 UK on the latest Friday (games Friday to Monday) or Tuesday
 * (games Tuesday to Thursday) on or before the match day, and never later than one hour before
 * kick-off (a 12:30 Boxing Day game on a Tuesday).
 */
export function openingQuotedAt(matchDay: string, kickoff: Date): Date {
  const dow = weekday(matchDay);
  // Days back to the collection day: Friday for Fri-Mon, Tuesday for Tue-Thu.
  const back = { 5: 0, 6: 1, 0: 2, 1: 3, 2: 0, 3: 1, 4: 2 }[dow as 0 | 1 | 2 | 3 | 4 | 5 | 6];
  const collected = instantInZone(addDays(matchDay, -back), "12:00", UK);
  const latest = new Date(kickoff.getTime() - 3_600_000);
  return collected < latest ? collected : latest;
}
