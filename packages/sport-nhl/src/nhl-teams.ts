import { type Entity, entity } from "@edgeline/sdk";

/**
 * NHL teams by the league's own tricode (api-web.nhle.com `abbrev`), which is the canonical id.
 * `names` carries other spellings (The Odds API writes "Montreal Canadiens", "St Louis Blues").
 * Arizona (ARI) is kept for games before 2024-25; Utah's club played 2024-25 as "Utah Hockey Club".
 * The Coyotes keep one id from Phoenix to Arizona, so their ratings carry over the rename.
 * `codes.sbr` are the SBR archive's squashed place names with the files' one-off spellings
 * ("Tampa", "Arizonas", "SeattleKraken"); `codes.fivethirtyeight` 538's codes that differ.
 */
export const NHL_TEAMS: readonly Entity[] = [
  entity("ANA", "Anaheim Ducks", { codes: { sbr: ["Anaheim"] } }),
  entity("ARI", "Arizona Coyotes", {
    names: ["Phoenix Coyotes"],
    codes: { sbr: ["Arizona", "Phoenix", "Arizonas"] },
  }),
  entity("BOS", "Boston Bruins", { codes: { sbr: ["Boston"] } }),
  entity("BUF", "Buffalo Sabres", { codes: { sbr: ["Buffalo"] } }),
  entity("CGY", "Calgary Flames", { codes: { sbr: ["Calgary"] } }),
  entity("CAR", "Carolina Hurricanes", { codes: { sbr: ["Carolina"] } }),
  entity("CHI", "Chicago Blackhawks", { codes: { sbr: ["Chicago"] } }),
  entity("COL", "Colorado Avalanche", { codes: { sbr: ["Colorado"] } }),
  entity("CBJ", "Columbus Blue Jackets", { codes: { sbr: ["Columbus"] } }),
  entity("DAL", "Dallas Stars", { codes: { sbr: ["Dallas"] } }),
  entity("DET", "Detroit Red Wings", { codes: { sbr: ["Detroit"] } }),
  entity("EDM", "Edmonton Oilers", { codes: { sbr: ["Edmonton"] } }),
  entity("FLA", "Florida Panthers", { codes: { sbr: ["Florida"] } }),
  entity("LAK", "Los Angeles Kings", { codes: { sbr: ["LosAngeles"] } }),
  entity("MIN", "Minnesota Wild", { codes: { sbr: ["Minnesota"] } }),
  entity("MTL", "Montréal Canadiens", { codes: { sbr: ["Montreal"] } }),
  entity("NSH", "Nashville Predators", { codes: { sbr: ["Nashville"] } }),
  entity("NJD", "New Jersey Devils", { codes: { sbr: ["NewJersey"] } }),
  entity("NYI", "New York Islanders", { names: ["NY Islanders"], codes: { sbr: ["NYIslanders"] } }),
  entity("NYR", "New York Rangers", { names: ["NY Rangers"], codes: { sbr: ["NYRangers"] } }),
  entity("OTT", "Ottawa Senators", { codes: { sbr: ["Ottawa"] } }),
  entity("PHI", "Philadelphia Flyers", { codes: { sbr: ["Philadelphia"] } }),
  entity("PIT", "Pittsburgh Penguins", { codes: { sbr: ["Pittsburgh"] } }),
  entity("SJS", "San Jose Sharks", { codes: { sbr: ["SanJose"] } }),
  entity("SEA", "Seattle Kraken", { codes: { sbr: ["Seattle", "SeattleKraken"] } }),
  entity("STL", "St. Louis Blues", { codes: { sbr: ["St.Louis"] } }),
  entity("TBL", "Tampa Bay Lightning", { codes: { sbr: ["TampaBay", "Tampa"] } }),
  entity("TOR", "Toronto Maple Leafs", { codes: { sbr: ["Toronto"] } }),
  entity("UTA", "Utah Mammoth", { names: ["Utah Hockey Club"], codes: { sbr: ["Utah"] } }),
  entity("VAN", "Vancouver Canucks", { codes: { sbr: ["Vancouver"] } }),
  entity("VGK", "Vegas Golden Knights", { codes: { sbr: ["Vegas"], fivethirtyeight: ["VEG"] } }),
  entity("WSH", "Washington Capitals", { codes: { sbr: ["Washington"] } }),
  entity("WPG", "Winnipeg Jets", { codes: { sbr: ["Winnipeg"] } }),
];
