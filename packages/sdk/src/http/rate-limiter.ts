/**
 * Per-host spacing of requests. Shared by every HttpClient in the process, so two clients of
 * the same host (e.g. the NHL plugin and a backfill) together respect one limit.
 */
const nextSlotByHost = new Map<string, number>();

/**
 * Reserves the next slot for `host` at least `minIntervalMs` after the previous one and
 * returns how long the caller must wait for it. Reserving before waiting keeps concurrent
 * callers in order without a queue.
 */
export function reserveSlot(host: string, minIntervalMs: number, now: number = Date.now()): number {
  if (minIntervalMs <= 0) return 0;
  const slot = Math.max(now, nextSlotByHost.get(host) ?? 0);
  nextSlotByHost.set(host, slot + minIntervalMs);
  return slot - now;
}

/** Forget all reservations (tests). */
export function resetRateLimits(): void {
  nextSlotByHost.clear();
}
