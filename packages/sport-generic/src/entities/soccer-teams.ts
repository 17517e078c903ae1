import { type Entity, entity } from "@edgeline/sdk";

/**
 * Premier League 2025-26 clubs by ESPN abbreviation (canonical id), and the clubs of the last
 * seasons for history imports. Promoted clubs not listed here still load from ESPN: their id is
 * ESPN's code and their name ESPN's, until added. `codes["football-data"]` are football-data.co.uk's
 * short forms where they differ from the name ("Man United", "Nott'm Forest").
 */
export const EPL_TEAMS: readonly Entity[] = [
  entity("ARS", "Arsenal"),
  entity("AVL", "Aston Villa"),
  entity("BOU", "AFC Bournemouth", { names: ["Bournemouth"] }),
  entity("BRE", "Brentford"),
  entity("BHA", "Brighton & Hove Albion", { names: ["Brighton"], codes: { "football-data": ["Brighton"] } }),
  entity("BUR", "Burnley"),
  entity("CHE", "Chelsea"),
  entity("CRY", "Crystal Palace"),
  entity("EVE", "Everton"),
  entity("FUL", "Fulham"),
  entity("LEE", "Leeds United", { codes: { "football-data": ["Leeds"] } }),
  entity("LIV", "Liverpool"),
  entity("MNC", "Manchester City", { codes: { "football-data": ["Man City"] } }),
  entity("MAN", "Manchester United", { codes: { "football-data": ["Man United"] } }),
  entity("NEW", "Newcastle United", { codes: { "football-data": ["Newcastle"] } }),
  entity("NFO", "Nottingham Forest", { codes: { "football-data": ["Nott'm Forest"] } }),
  entity("SUN", "Sunderland"),
  entity("TOT", "Tottenham Hotspur", { codes: { "football-data": ["Tottenham"] } }),
  entity("WHU", "West Ham United", { codes: { "football-data": ["West Ham"] } }),
  entity("WOL", "Wolverhampton Wanderers", { names: ["Wolves"], codes: { "football-data": ["Wolves"] } }),
  // Clubs of recent seasons, for history imports (football-data.co.uk files), with ESPN's codes.
  entity("IPS", "Ipswich Town", { codes: { "football-data": ["Ipswich"] } }),
  entity("LEI", "Leicester City", { codes: { "football-data": ["Leicester"] } }),
  entity("LUT", "Luton Town", { codes: { "football-data": ["Luton"] } }),
  entity("SHU", "Sheffield United"),
  entity("SOU", "Southampton"),
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
  entity("PSG", "Paris Saint-Germain", {
    names: ["Paris Saint Germain"],
    codes: { "football-data": ["Paris SG"] },
  }),
  entity("TOU", "Toulouse"),
];
