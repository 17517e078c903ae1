import type { GameStatus } from "@edgeline/sdk";
import type { EspnStatus } from "./espn-schemas.ts";

/** Status names that say more than `state`/`completed` do. */
const BY_NAME: Readonly<Record<string, GameStatus>> = {
  STATUS_POSTPONED: "Postponed",
  // Suspended games are completed on a later date, like a postponement.
  STATUS_SUSPENDED: "Postponed",
  STATUS_CANCELED: "Cancelled",
  STATUS_CANCELLED: "Cancelled",
  STATUS_ABANDONED: "Cancelled",
  // A tennis walkover is a match never played: books void it, so it is not a result.
  STATUS_WALKOVER: "Cancelled",
};

/**
 * ESPN status to ours. Uses the name first, then `completed`, then `state`: a postponed game is
 * `state: "post"` with `completed: false`, so a finished-but-not-completed state never becomes
 * Final. STATUS_RETIRED (completed) is Final: the match has a winner.
 */
export function espnStatus(status: EspnStatus): GameStatus {
  const named = BY_NAME[status.type.name];
  if (named) return named;
  if (status.type.completed) return "Final";
  if (status.type.state === "in") return "InProgress";
  if (status.type.state === "pre") return "Scheduled";
  return "Postponed";
}
