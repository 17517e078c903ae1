// @edgeline/sdk: what a plugin author depends on. The contracts of the plugin kinds (sports,
// odds sources, venues, strategies), the records they produce, calendar days, price conversions, the HTTP
// client, and the fake-upstream and demo contracts. No database, no Prisma, no server.

export * from "./calendar/calendar-day.ts";
export * from "./collections/group-by.ts";
export * from "./contract/broker.ts";
export * from "./contract/compatibility.ts";
export * from "./contract/odds-source-plugin.ts";
export * from "./contract/plugin-common.ts";
export * from "./contract/plugin-context.ts";
export * from "./contract/plugin-load-error.ts";
export * from "./contract/plugin-logger.ts";
export * from "./contract/sport-plugin.ts";
export * from "./contract/strategy-plugin.ts";
export * from "./contract/venue-plugin.ts";
export * from "./demo/demo-game.ts";
export * from "./demo/seeded-random.ts";
export * from "./fake/fake-route.ts";
export * from "./fake/payload-store.ts";
export * from "./http/http-client.ts";
export * from "./http/json-path.ts";
export { resetRateLimits } from "./http/rate-limiter.ts";
export { backoffDelayMs, parseRetryAfterMs } from "./http/retry-policy.ts";
export * from "./http/source-error.ts";
export * from "./models/elo-config.ts";
export * from "./models/elo-model.ts";
export * from "./models/sport-model.ts";
export * from "./models/thresholds.ts";
export * from "./prices/convert.ts";
export * from "./prices/stored.ts";
export * from "./records/bet-id.ts";
export * from "./records/bet-record.ts";
export * from "./records/entities.ts";
export * from "./records/entity-id.ts";
export * from "./records/game-id.ts";
export * from "./records/game-record.ts";
export * from "./records/odds-record.ts";
export * from "./records/status.ts";
export * from "./sources/game-matching.ts";
export * from "./sources/odds-fetch-result.ts";
