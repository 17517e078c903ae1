// Sport codes as users type them: "nhl", " NHL " and "NHL" are one sport. Every entry point
// (GraphQL arguments, CLI options, job payloads, the registry) normalises through this.
import { SPORT_CODE_PATTERN } from "@edgeline/sdk";

/** The canonical (upper-case, trimmed) form of a sport code. */
export function normaliseSportCode(code: string): string {
  return code.trim().toUpperCase();
}

/** True when the text is a well-formed sport code in any case. */
export function isSportCode(code: string): boolean {
  return SPORT_CODE_PATTERN.test(normaliseSportCode(code));
}
