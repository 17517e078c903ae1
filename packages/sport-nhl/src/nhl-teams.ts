import { type Entity, entity } from "@edgeline/sdk";

/**
 * NHL teams by the league's own tricode (api-web.nhle.com `abbrev`), which is the canonical id.
 * `names` carries other spellings (The Odds API writes "Montreal Canadiens", "St Louis Blues").
 * Arizona (ARI) is kept for games before 2024-25; Utah's club played 2024-25 as "Utah Hockey Club".
 */
export const NHL_TEAMS: readonly Entity[] = [
  entity("ANA", "Anaheim Ducks"),
  entity("ARI", "Arizona Coyotes"),
  entity("BOS", "Boston Bruins"),
  entity("BUF", "Buffalo Sabres"),
  entity("CGY", "Calgary Flames"),
  entity("CAR", "Carolina Hurricanes"),
  entity("CHI", "Chicago Blackhawks"),
  entity("COL", "Colorado Avalanche"),
  entity("CBJ", "Columbus Blue Jackets"),
  entity("DAL", "Dallas Stars"),
  entity("DET", "Detroit Red Wings"),
  entity("EDM", "Edmonton Oilers"),
  entity("FLA", "Florida Panthers"),
  entity("LAK", "Los Angeles Kings"),
  entity("MIN", "Minnesota Wild"),
  entity("MTL", "Montréal Canadiens"),
  entity("NSH", "Nashville Predators"),
  entity("NJD", "New Jersey Devils"),
  entity("NYI", "New York Islanders", { names: ["NY Islanders"] }),
  entity("NYR", "New York Rangers", { names: ["NY Rangers"] }),
  entity("OTT", "Ottawa Senators"),
  entity("PHI", "Philadelphia Flyers"),
  entity("PIT", "Pittsburgh Penguins"),
  entity("SJS", "San Jose Sharks"),
  entity("SEA", "Seattle Kraken"),
  entity("STL", "St. Louis Blues"),
  entity("TBL", "Tampa Bay Lightning"),
  entity("TOR", "Toronto Maple Leafs"),
  entity("UTA", "Utah Mammoth", { names: ["Utah Hockey Club"] }),
  entity("VAN", "Vancouver Canucks"),
  entity("VGK", "Vegas Golden Knights"),
  entity("WSH", "Washington Capitals"),
  entity("WPG", "Winnipeg Jets"),
];
