// What the API needs from the loaded sport plugins and the Elo model: names and markets for
// `sports`, and pre-game probabilities for `Game.modelProbabilities`. Built from the plugin
// registry, so the API has no list of sports of its own.
import { type EloConfig, gameProbabilities, type SportPlugin } from "@edgeline/core";

export interface SportInfo {
  code: string;
  name: string;
  entityKind: "team" | "player";
  timeZone: string;
  /** The name of the sport's Elo model (a core preset's or the plugin's own). */
  eloPreset: string;
  markets: readonly { type: "moneyline" | "spread" | "total"; ways: 2 | 3 }[];
}

export interface WinProbabilities {
  home: number;
  away: number;
  /** Present only for sports whose Elo preset models draws. */
  draw: number | null;
}

export interface SportCatalog {
  list(): SportInfo[];
  get(code: string): SportInfo | undefined;
  /** Pre-game probabilities from the two sides' ratings, or null for a sport no plugin provides. */
  probabilities(sport: string, homeRating: number, awayRating: number): WinProbabilities | null;
}

/** A catalog over loaded plugins (anything shaped like core's PluginRegistry). */
export function sportCatalogFromPlugins(registry: {
  list(): SportPlugin[];
  sport(code: string): { elo: EloConfig };
}): SportCatalog {
  const configs = new Map<string, EloConfig>(
    registry.list().map((p) => [p.code, registry.sport(p.code).elo]),
  );
  const sports = registry.list().map(
    (p): SportInfo => ({
      code: p.code,
      name: p.name,
      entityKind: p.entityKind,
      timeZone: p.timeZone,
      eloPreset: configs.get(p.code)!.name,
      markets: p.markets,
    }),
  );
  const byCode = new Map(sports.map((s) => [s.code, s]));
  return {
    list: () => sports,
    get: (code) => byCode.get(code),
    probabilities(sport, homeRating, awayRating) {
      const config = configs.get(sport);
      if (!config) return null;
      // unified_games records no neutral site or playoff flag: the regular home-advantage case.
      const p = gameProbabilities(config, homeRating, awayRating);
      return { home: p.home, away: p.away, draw: p.draw ?? null };
    },
  };
}
