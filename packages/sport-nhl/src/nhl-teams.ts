import { type Entity, entityTable } from "@edgeline/sdk";

/**
 * NHL teams by the league's own tricode (api-web.nhle.com `abbrev`), which is the canonical id.
 * `names` carries other spellings (The Odds API writes "Montreal Canadiens", "St Louis Blues").
 * Arizona (ARI) is kept for games before 2024-25; Utah's club played 2024-25 as "Utah Hockey Club".
 * The Coyotes keep one id from Phoenix to Arizona, so their ratings carry over the rename.
 * `codes.sbr` are the SBR archive's squashed place names with the files' one-off spellings
 * ("Tampa", "Arizonas", "SeattleKraken"); `codes.fivethirtyeight` 538's codes that differ.
 */
export const NHL_TEAMS: readonly Entity[] = entityTable(`
  ANA | Anaheim Ducks         | sbr: Anaheim
  ARI | Arizona Coyotes       | sbr: Arizona, Phoenix, Arizonas | names: Phoenix Coyotes
  BOS | Boston Bruins         | sbr: Boston
  BUF | Buffalo Sabres        | sbr: Buffalo
  CGY | Calgary Flames        | sbr: Calgary
  CAR | Carolina Hurricanes   | sbr: Carolina
  CHI | Chicago Blackhawks    | sbr: Chicago
  COL | Colorado Avalanche    | sbr: Colorado
  CBJ | Columbus Blue Jackets | sbr: Columbus
  DAL | Dallas Stars          | sbr: Dallas
  DET | Detroit Red Wings     | sbr: Detroit
  EDM | Edmonton Oilers       | sbr: Edmonton
  FLA | Florida Panthers      | sbr: Florida
  LAK | Los Angeles Kings     | sbr: LosAngeles
  MIN | Minnesota Wild        | sbr: Minnesota
  MTL | Montréal Canadiens    | sbr: Montreal
  NSH | Nashville Predators   | sbr: Nashville
  NJD | New Jersey Devils     | sbr: NewJersey
  NYI | New York Islanders    | sbr: NYIslanders | names: NY Islanders
  NYR | New York Rangers      | sbr: NYRangers | names: NY Rangers
  OTT | Ottawa Senators       | sbr: Ottawa
  PHI | Philadelphia Flyers   | sbr: Philadelphia
  PIT | Pittsburgh Penguins   | sbr: Pittsburgh
  SJS | San Jose Sharks       | sbr: SanJose
  SEA | Seattle Kraken        | sbr: Seattle, SeattleKraken
  STL | St. Louis Blues       | sbr: St.Louis
  TBL | Tampa Bay Lightning   | sbr: TampaBay, Tampa
  TOR | Toronto Maple Leafs   | sbr: Toronto
  UTA | Utah Mammoth          | sbr: Utah | names: Utah Hockey Club
  VAN | Vancouver Canucks     | sbr: Vancouver
  VGK | Vegas Golden Knights  | sbr: Vegas | fivethirtyeight: VEG
  WSH | Washington Capitals   | sbr: Washington
  WPG | Winnipeg Jets         | sbr: Winnipeg
`);
