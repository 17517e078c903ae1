import type { OddsRecord } from "../records/odds-record.ts";
import type { UnmatchedEvent } from "./game-matching.ts";

/** Inclusive window of local game days, `YYYY-MM-DD`. */
export interface DateWindow {
  from: string;
  to: string;
}

/** What every odds source returns: rows ready for a set-based upsert, and what it could not place. */
export interface OddsFetchResult {
  records: OddsRecord[];
  unmatched: UnmatchedEvent[];
  /** Why the source returned nothing it could have (e.g. the key's plan has no history); the host logs it. */
  skipped?: string;
}

export function inWindow(day: string, window: DateWindow | undefined): boolean {
  return !window || (day >= window.from && day <= window.to);
}
