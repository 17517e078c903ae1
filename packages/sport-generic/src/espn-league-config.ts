import type { EloConfig, Entity, MarketOffer, RecommendationThresholds, SportModel } from "@edgeline/sdk";
import type { EspnDemoLeague } from "./espn-demo.ts";

/** One sport served by the ESPN scoreboard: everything that differs between leagues. */
export interface EspnLeagueConfig {
  /** Sport code, the game id prefix ("MLB"). */
  code: string;
  name: string;
  /** `{sport}/{league}` of the scoreboard URL ("baseball/mlb", "soccer/eng.1", "tennis/atp"). */
  leaguePath: string;
  /** Extra query parameters, e.g. `{ groups: 50 }` for all of Division I (else only featured games). */
  query?: Record<string, string | number>;
  /**
   * Keep only events whose uid starts with this ("s:600~l:700" = Premier League), so a mixed
   * payload (soccer/all) yields each league's games only to its own sport.
   */
  leagueUid?: string;
  /** The rating model: a preset name of core's ("fivethirtyeight-nfl") or this league's own. */
  elo: string | EloConfig;
  /** The rest of the league's model: a margin model for spreads, the goals model, which one is bet. */
  model?: Omit<SportModel, "elo">;
  /** IANA zone whose calendar day is the game's `gameDate`. */
  timeZone: string;
  /** Whether a game can end level (soccer): the moneyline is then 3-way. */
  draws: boolean;
  /** Markets besides the moneyline, whose ways follow `draws`. */
  markets: readonly MarketOffer[];
  entityKind: "team" | "player";
  entities: readonly Entity[];
  /**
   * How ESPN numbers this league's season: "start" (2025 = 2025-26, as we store it) or "end"
   * (college basketball: 2025 = 2024-25).
   */
  seasonYear: "start" | "end";
  /** Tennis: draws to keep ("mens-singles"); doubles and other draws are left out. */
  groupings?: readonly string[];
  /** What each odds source needs to find the league's markets, by source name (see SportPlugin.sourceOptions). */
  sourceOptions?: Readonly<Record<string, unknown>>;
  recommendation: RecommendationThresholds;
  /** The league in the demo (`pnpm start` on the embedded database), if it has one. */
  demo?: EspnDemoLeague;
}
