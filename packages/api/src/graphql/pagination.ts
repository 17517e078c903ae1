// Page sizes shared by every connection. `first`/`last` above the maximum are rejected (not
// silently clamped) so that a client learns the limit from the error message.
import { invalidArgument } from "./errors.ts";

/** The largest page any connection returns. */
export const MAX_PAGE_SIZE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw invalidArgument(name, `must be between 0 and ${MAX_PAGE_SIZE}`);
    }
  }
}

/** A list argument's size, between 0 and the page maximum, or an argument error naming it. */
export function checkLimit(name: string, value: number): number {
  if (value < 0 || value > MAX_PAGE_SIZE)
    throw invalidArgument(name, `must be between 0 and ${MAX_PAGE_SIZE}`);
  return value;
}
