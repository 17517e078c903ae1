import { type Entity, entityCatalogSchema } from "@edgeline/sdk";
import teams from "./nhl-teams.json" with { type: "json" };

/**
 * NHL teams by the league's own tricode (api-web.nhle.com `abbrev`), which is the canonical id.
 * `names` carries other spellings (The Odds API writes "Montreal Canadiens", "St Louis Blues").
 * Arizona (ARI) is kept for games before 2024-25; Utah's club played 2024-25 as "Utah Hockey Club".
 * The Coyotes keep one id from Phoenix to Arizona, so their ratings carry over the rename.
 * `codes.sbr` are the SBR archive's squashed place names with the files' one-off spellings
 * ("Tampa", "Arizonas", "SeattleKraken"); `codes.fivethirtyeight` 538's codes that differ.
 *
 * The catalog is data, in nhl-teams.json, checked against the SDK's catalog schema when this loads.
 */
export const NHL_TEAMS: readonly Entity[] = entityCatalogSchema.parse(teams);
