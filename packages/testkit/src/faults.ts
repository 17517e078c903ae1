/**
 * Faults the fake upstream injects on request, to prove the HTTP layer's retries and errors.
 * Each applies to requests whose path starts with `route` (or matches it as a RegExp), for
 * `times` requests (default: until cleared).
 */
export type Fault =
  /** Answer with this HTTP status (500, 503, 404...). */
  | { kind: "status"; status: number; times?: number }
  /** 429 Too Many Requests with a Retry-After header, in seconds (fractions allowed for tests). */
  | { kind: "rate_limit"; retryAfterSeconds: number; times?: number }
  /** Hold the response this long before answering (longer than the client's timeout). */
  | { kind: "delay"; ms: number; times?: number }
  /** Send only the first half of the JSON body (a valid Content-Length for the cut body). */
  | { kind: "truncate"; times?: number }
  /** Rename every object key `from` to `to` in the body, as an API change would. */
  | { kind: "rename_field"; from: string; to: string; times?: number };

export type FaultRoute = string | RegExp;

interface ActiveFault {
  route: FaultRoute;
  fault: Fault;
  remaining: number;
}

export class FaultTable {
  private faults: ActiveFault[] = [];

  add(route: FaultRoute, fault: Fault): void {
    this.faults.push({ route, fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first live fault for this request, consuming one of its uses. */
  take(pathAndQuery: string): Fault | undefined {
    const path = pathAndQuery.split("?")[0] ?? "";
    const active = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (typeof f.route === "string" ? path.startsWith(f.route) : f.route.test(pathAndQuery)),
    );
    if (!active) return undefined;
    active.remaining -= 1;
    return active.fault;
  }
}

/** Deep-renames object keys (the "renamed field" fault). */
export function renameField(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameField(v, from, to));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k === from ? to : k, renameField(v, from, to)]),
    );
  }
  return value;
}
