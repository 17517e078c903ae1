import { type Entity, entity } from "@edgeline/sdk";

/**
 * NBA teams by the league's tricode (cdn.nba.com `teamTricode`), the canonical id. `names` holds
 * other spellings: the CDN writes "LA Clippers", The Odds API "Los Angeles Clippers".
 */
export const NBA_TEAMS: readonly Entity[] = [
  entity("ATL", "Atlanta Hawks"),
  entity("BOS", "Boston Celtics"),
  entity("BKN", "Brooklyn Nets"),
  entity("CHA", "Charlotte Hornets"),
  entity("CHI", "Chicago Bulls"),
  entity("CLE", "Cleveland Cavaliers"),
  entity("DAL", "Dallas Mavericks"),
  entity("DEN", "Denver Nuggets"),
  entity("DET", "Detroit Pistons"),
  entity("GSW", "Golden State Warriors"),
  entity("HOU", "Houston Rockets"),
  entity("IND", "Indiana Pacers"),
  entity("LAC", "Los Angeles Clippers", { names: ["LA Clippers"] }),
  entity("LAL", "Los Angeles Lakers", { names: ["LA Lakers"] }),
  entity("MEM", "Memphis Grizzlies"),
  entity("MIA", "Miami Heat"),
  entity("MIL", "Milwaukee Bucks"),
  entity("MIN", "Minnesota Timberwolves"),
  entity("NOP", "New Orleans Pelicans"),
  entity("NYK", "New York Knicks"),
  entity("OKC", "Oklahoma City Thunder"),
  entity("ORL", "Orlando Magic"),
  entity("PHI", "Philadelphia 76ers"),
  entity("PHX", "Phoenix Suns"),
  entity("POR", "Portland Trail Blazers"),
  entity("SAC", "Sacramento Kings"),
  entity("SAS", "San Antonio Spurs"),
  entity("TOR", "Toronto Raptors"),
  entity("UTA", "Utah Jazz"),
  entity("WAS", "Washington Wizards"),
];
