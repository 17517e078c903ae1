import { type Entity, entity } from "@edgeline/sdk";

/**
 * NBA teams by the league's tricode (cdn.nba.com `teamTricode`), the canonical id. `names` holds
 * other spellings: the CDN writes "LA Clippers", The Odds API "Los Angeles Clippers".
 *
 * A franchise keeps one id across moves and renames, so its ratings carry over: the Nets
 * (New Jersey until 2012), the Thunder (the Seattle SuperSonics until 2008), the Hornets (the
 * Charlotte Bobcats 2004-14) and the Pelicans (the New Orleans Hornets until 2013). `codes.sbr`
 * are the SBR archive's squashed place names, `codes.fivethirtyeight` 538's team codes where
 * they differ from the tricode.
 */
export const NBA_TEAMS: readonly Entity[] = [
  entity("ATL", "Atlanta Hawks", { codes: { sbr: ["Atlanta"] } }),
  entity("BOS", "Boston Celtics", { codes: { sbr: ["Boston"] } }),
  entity("BKN", "Brooklyn Nets", {
    names: ["New Jersey Nets"],
    codes: { sbr: ["Brooklyn", "NewJersey"], fivethirtyeight: ["BRK", "NJN"] },
  }),
  entity("CHA", "Charlotte Hornets", {
    names: ["Charlotte Bobcats"],
    codes: { sbr: ["Charlotte"], fivethirtyeight: ["CHO"] },
  }),
  entity("CHI", "Chicago Bulls", { codes: { sbr: ["Chicago"] } }),
  entity("CLE", "Cleveland Cavaliers", { codes: { sbr: ["Cleveland"] } }),
  entity("DAL", "Dallas Mavericks", { codes: { sbr: ["Dallas"] } }),
  entity("DEN", "Denver Nuggets", { codes: { sbr: ["Denver"] } }),
  entity("DET", "Detroit Pistons", { codes: { sbr: ["Detroit"] } }),
  entity("GSW", "Golden State Warriors", { codes: { sbr: ["GoldenState"] } }),
  entity("HOU", "Houston Rockets", { codes: { sbr: ["Houston"] } }),
  entity("IND", "Indiana Pacers", { codes: { sbr: ["Indiana"] } }),
  entity("LAC", "Los Angeles Clippers", { names: ["LA Clippers"], codes: { sbr: ["LAClippers"] } }),
  entity("LAL", "Los Angeles Lakers", { names: ["LA Lakers"], codes: { sbr: ["LALakers"] } }),
  entity("MEM", "Memphis Grizzlies", { codes: { sbr: ["Memphis"] } }),
  entity("MIA", "Miami Heat", { codes: { sbr: ["Miami"] } }),
  entity("MIL", "Milwaukee Bucks", { codes: { sbr: ["Milwaukee"] } }),
  entity("MIN", "Minnesota Timberwolves", { codes: { sbr: ["Minnesota"] } }),
  entity("NOP", "New Orleans Pelicans", {
    names: ["New Orleans Hornets"],
    codes: { sbr: ["NewOrleans"], fivethirtyeight: ["NOH", "NOK"] },
  }),
  entity("NYK", "New York Knicks", { codes: { sbr: ["NewYork"] } }),
  entity("OKC", "Oklahoma City Thunder", {
    names: ["Seattle SuperSonics"],
    codes: { sbr: ["OklahomaCity", "Seattle"], fivethirtyeight: ["SEA"] },
  }),
  entity("ORL", "Orlando Magic", { codes: { sbr: ["Orlando"] } }),
  entity("PHI", "Philadelphia 76ers", { codes: { sbr: ["Philadelphia"] } }),
  entity("PHX", "Phoenix Suns", { codes: { sbr: ["Phoenix"], fivethirtyeight: ["PHO"] } }),
  entity("POR", "Portland Trail Blazers", { codes: { sbr: ["Portland"] } }),
  entity("SAC", "Sacramento Kings", { codes: { sbr: ["Sacramento"] } }),
  entity("SAS", "San Antonio Spurs", { codes: { sbr: ["SanAntonio"] } }),
  entity("TOR", "Toronto Raptors", { codes: { sbr: ["Toronto"] } }),
  entity("UTA", "Utah Jazz", { codes: { sbr: ["Utah"] } }),
  entity("WAS", "Washington Wizards", { codes: { sbr: ["Washington"] } }),
];
