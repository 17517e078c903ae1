import { type Entity, entityTable } from "@edgeline/sdk";

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
export const NBA_TEAMS: readonly Entity[] = entityTable(`
  ATL | Atlanta Hawks          | sbr: Atlanta
  BOS | Boston Celtics         | sbr: Boston
  BKN | Brooklyn Nets          | sbr: Brooklyn, NewJersey | fivethirtyeight: BRK, NJN | names: New Jersey Nets
  CHA | Charlotte Hornets      | sbr: Charlotte | fivethirtyeight: CHO | names: Charlotte Bobcats
  CHI | Chicago Bulls          | sbr: Chicago
  CLE | Cleveland Cavaliers    | sbr: Cleveland
  DAL | Dallas Mavericks       | sbr: Dallas
  DEN | Denver Nuggets         | sbr: Denver
  DET | Detroit Pistons        | sbr: Detroit
  GSW | Golden State Warriors  | sbr: GoldenState
  HOU | Houston Rockets        | sbr: Houston
  IND | Indiana Pacers         | sbr: Indiana
  LAC | Los Angeles Clippers   | sbr: LAClippers | names: LA Clippers
  LAL | Los Angeles Lakers     | sbr: LALakers | names: LA Lakers
  MEM | Memphis Grizzlies      | sbr: Memphis
  MIA | Miami Heat             | sbr: Miami
  MIL | Milwaukee Bucks        | sbr: Milwaukee
  MIN | Minnesota Timberwolves | sbr: Minnesota
  NOP | New Orleans Pelicans   | sbr: NewOrleans | fivethirtyeight: NOH, NOK | names: New Orleans Hornets
  NYK | New York Knicks        | sbr: NewYork
  OKC | Oklahoma City Thunder  | sbr: OklahomaCity, Seattle | fivethirtyeight: SEA | names: Seattle SuperSonics
  ORL | Orlando Magic          | sbr: Orlando
  PHI | Philadelphia 76ers     | sbr: Philadelphia
  PHX | Phoenix Suns           | sbr: Phoenix | fivethirtyeight: PHO
  POR | Portland Trail Blazers | sbr: Portland
  SAC | Sacramento Kings       | sbr: Sacramento
  SAS | San Antonio Spurs      | sbr: SanAntonio
  TOR | Toronto Raptors        | sbr: Toronto
  UTA | Utah Jazz              | sbr: Utah
  WAS | Washington Wizards     | sbr: Washington
`);
