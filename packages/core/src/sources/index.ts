export {
  GameMatcher,
  isoDay,
  type KnownGame,
  type MatchResult,
  type UnmatchedEvent,
} from "./game-matching.ts";
export * from "./kalshi/index.ts";
export { type DateWindow, inWindow, type OddsFetchResult } from "./odds-fetch-result.ts";
export * from "./odds-record.ts";
export * from "./sbr/index.ts";
export * from "./the-odds-api/index.ts";
