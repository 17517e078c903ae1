// @edgeline/core public surface. Each concept re-exports from its own folder.
export * from "./http/index.ts";
export * from "./sources/index.ts";
export * from "./plugins/index.ts";
export * from "./db/index.ts";
export * from "./config/env.ts";
export * from "./elo/index.ts";
export * from "./odds/index.ts";
export * from "./staking/index.ts";
export * from "./repositories/index.ts";
export * from "./brokers/index.ts";
export * from "./pipeline/index.ts";
export * from "./fake-upstream/index.ts";
export * from "./evaluation/index.ts";
export * from "./demo/index.ts";
export * from "./settlement/index.ts";
// `GameStatus` is the unified_games status (plugins/status.ts); settlement's lower-case union of
// the same name is reachable from its module. This line settles the `export *` ambiguity.
export type { GameStatus } from "./plugins/index.ts";
export * from "./portfolio/index.ts";
export * from "./recommendation/index.ts";
