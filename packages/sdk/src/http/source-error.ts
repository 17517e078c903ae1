/** What went wrong when talking to an upstream source. Stable values; callers branch on them. */
export type SourceErrorKind = "network" | "timeout" | "http" | "invalid_json" | "schema";

export interface SourceErrorInit {
  source: string;
  url: string;
  kind: SourceErrorKind;
  status?: number;
  jsonPath?: string;
  attempts?: number;
  detail: string;
  cause?: unknown;
  /** What was done to the URL, for the message. @defaultValue "GET" (files read by importers say "READ") */
  operation?: string;
}

/**
 * Every failure of an upstream call. The message always reads
 * `{source}: GET {url}: {detail}` so a log line alone says where to look; schema failures
 * put the JSON path first in the detail (`gameWeek[0].games[3].startTimeUTC: expected string`).
 */
export class SourceError extends Error {
  readonly source: string;
  readonly url: string;
  readonly status?: number;
  readonly jsonPath?: string;
  readonly kind: SourceErrorKind;
  /** Number of HTTP attempts made before giving up (1 = no retry). */
  readonly attempts: number;

  constructor(init: SourceErrorInit) {
    super(`${init.source}: ${init.operation ?? "GET"} ${init.url}: ${init.detail}`, { cause: init.cause });
    this.name = "SourceError";
    this.source = init.source;
    this.url = init.url;
    this.kind = init.kind;
    this.attempts = init.attempts ?? 1;
    if (init.status !== undefined) this.status = init.status;
    if (init.jsonPath !== undefined) this.jsonPath = init.jsonPath;
  }
}
