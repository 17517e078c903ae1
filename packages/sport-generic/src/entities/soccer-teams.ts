import { type Entity, entity } from "@edgeline/sdk";

/**
 * Premier League 2025-26 clubs by ESPN abbreviation (canonical id). Promoted clubs not listed
 * here still load: their id is ESPN's code and their name ESPN's, until added.
 */
export const EPL_TEAMS: readonly Entity[] = [
  entity("ARS", "Arsenal"),
  entity("AVL", "Aston Villa"),
  entity("BOU", "AFC Bournemouth", { names: ["Bournemouth"] }),
  entity("BRE", "Brentford"),
  entity("BHA", "Brighton & Hove Albion", { names: ["Brighton"] }),
  entity("BUR", "Burnley"),
  entity("CHE", "Chelsea"),
  entity("CRY", "Crystal Palace"),
  entity("EVE", "Everton"),
  entity("FUL", "Fulham"),
  entity("LEE", "Leeds United"),
  entity("LIV", "Liverpool"),
  entity("MNC", "Manchester City"),
  entity("MAN", "Manchester United"),
  entity("NEW", "Newcastle United"),
  entity("NFO", "Nottingham Forest"),
  entity("SUN", "Sunderland"),
  entity("TOT", "Tottenham Hotspur"),
  entity("WHU", "West Ham United"),
  entity("WOL", "Wolverhampton Wanderers", { names: ["Wolves"] }),
];

/**
 * Ligue 1: only the clubs seen in the recorded ESPN payload, whose codes are verified. Other
 * clubs load with ESPN's code and name; add them here to map The Odds API names.
 */
export const LIGUE1_TEAMS: readonly Entity[] = [
  entity("AUX", "AJ Auxerre", { names: ["Auxerre"] }),
  entity("BRE", "Brest", { names: ["Stade Brestois 29"] }),
  entity("LOR", "Lorient"),
  entity("NICE", "Nice", { names: ["OGC Nice"] }),
  entity("PSG", "Paris Saint-Germain", { names: ["Paris Saint Germain"] }),
  entity("TOU", "Toulouse"),
];
