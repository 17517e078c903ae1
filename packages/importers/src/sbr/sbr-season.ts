/**
 * The archive's `Date` is `MMDD` without a year. The year comes from the season, which the file
 * name says ("nba odds 2018-19.xlsx") or the caller does (`season: "2018-19"`); a file whose
 * season is known neither way is refused.
 *
 * Rule: a two-year season's first game is in its first year when it is played from July to
 * December, else in the second year (a season that started late, as the 2012-13 NHL lockout season
 * did on 19 January 2013). From there the year goes up once, the first time the month goes back
 * (December to January); a month that goes back again is an error. A one-year season ("2019") never
 * wraps. No rule of the form "months from August belong to the first year" is used: seasons start
 * on 25 December or in January, and run into October of their second year.
 */

export interface Season {
  /** "2018-19" */
  label: string;
  firstYear: number;
  lastYear: number;
}

/** Reads "2018-19", "2018-2019", "2018/19" or "2019" (a one-year season). */
export function parseSeason(text: string): Season | undefined {
  const two = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (two) {
    const first = Number(two[1]);
    const second = Number(two[2]!.length === 2 ? `${two[1]!.slice(0, 2)}${two[2]}` : two[2]);
    // 1999-00: the two-digit end wraps the century.
    const last = two[2]!.length === 2 && second < first ? second + 100 : second;
    if (last !== first + 1) return undefined;
    return { label: `${first}-${String(last).slice(2)}`, firstYear: first, lastYear: last };
  }
  const one = /^(\d{4})$/.exec(text.trim());
  if (one) return { label: one[1]!, firstYear: Number(one[1]), lastYear: Number(one[1]) };
  return undefined;
}

/** The season a file name states in `YYYY-YY` form ("nhl odds 2016-17 (1).xlsx"), if any. */
export function seasonFromFileName(fileName: string): Season | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /(?<!\d)(\d{4}-(?:\d{4}|\d{2}))(?!\d)/.exec(base);
  return m ? parseSeason(m[1]!) : undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Turns the file's MMDD dates, in file order, into calendar days. */
export class SeasonCalendar {
  private year: number | null = null;
  private lastMonth = 0;
  private wrapped = false;

  constructor(readonly season: Season) {}

  /** The day of an MMDD date read in file order, or why it cannot be. */
  day(mmdd: number): { ok: true; day: string } | { ok: false; message: string } {
    const month = Math.floor(mmdd / 100);
    const dom = mmdd % 100;
    if (month < 1 || month > 12 || dom < 1 || dom > 31) {
      return { ok: false, message: `expected MMDD (1017 = 17 October, 101 = 1 January), got ${mmdd}` };
    }
    if (this.year === null) {
      const twoYear = this.season.lastYear > this.season.firstYear;
      this.year = twoYear && month < 7 ? this.season.lastYear : this.season.firstYear;
      this.wrapped = this.year === this.season.lastYear;
    } else if (month < this.lastMonth) {
      if (this.wrapped) {
        return {
          ok: false,
          message: `the month goes back from ${this.lastMonth} to ${month} after the season already passed into ${this.year}`,
        };
      }
      this.year += 1;
      this.wrapped = true;
    }
    this.lastMonth = month;
    const day = `${this.year}-${pad(month)}-${pad(dom)}`;
    if (!new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)) {
      return { ok: false, message: `${day} is not a calendar day` };
    }
    return { ok: true, day };
  }
}
