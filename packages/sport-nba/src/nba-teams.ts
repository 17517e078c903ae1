import { type Entity, entityCatalogSchema } from "@edgeline/sdk";
import teams from "./nba-teams.json" with { type: "json" };

/**
 * NBA teams by the league's tricode (cdn.nba.com `teamTricode`), the canonical id. `names` holds
 * other spellings: the CDN writes "LA Clippers", The Odds API "Los Angeles Clippers".
 *
 * A franchise keeps one id across moves and renames, so its ratings carry over: the Nets
 * (New Jersey until 2012), the Thunder (the Seattle SuperSonics until 2008), the Hornets (the
 * Charlotte Bobcats 2004-14) and the Pelicans (the New Orleans Hornets until 2013). `codes.sbr`
 * are the SBR archive's squashed place names, `codes.fivethirtyeight` 538's team codes where
 * they differ from the tricode.
 *
 * The catalog is data, in nba-teams.json, checked against the SDK's catalog schema when this loads.
 */
export const NBA_TEAMS: readonly Entity[] = entityCatalogSchema.parse(teams);
