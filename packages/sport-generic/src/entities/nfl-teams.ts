import { type Entity, entity } from "@edgeline/sdk";

/**
 * NFL teams by ESPN abbreviation (the canonical id). Kalshi tickers use "JAC" for Jacksonville
 * (seen in recorded Kalshi events); other Kalshi codes equal ESPN's as far as recorded.
 * FiveThirtyEight's codes are franchise codes equal to these, except the Raiders' "OAK".
 */
export const NFL_TEAMS: readonly Entity[] = [
  entity("ARI", "Arizona Cardinals"),
  entity("ATL", "Atlanta Falcons"),
  entity("BAL", "Baltimore Ravens"),
  entity("BUF", "Buffalo Bills"),
  entity("CAR", "Carolina Panthers"),
  entity("CHI", "Chicago Bears"),
  entity("CIN", "Cincinnati Bengals"),
  entity("CLE", "Cleveland Browns"),
  entity("DAL", "Dallas Cowboys"),
  entity("DEN", "Denver Broncos"),
  entity("DET", "Detroit Lions"),
  entity("GB", "Green Bay Packers"),
  entity("HOU", "Houston Texans"),
  entity("IND", "Indianapolis Colts"),
  entity("JAX", "Jacksonville Jaguars", { codes: { kalshi: ["JAC"] } }),
  entity("KC", "Kansas City Chiefs"),
  entity("LV", "Las Vegas Raiders", { names: ["Oakland Raiders"], codes: { fivethirtyeight: ["OAK"] } }),
  entity("LAC", "Los Angeles Chargers"),
  entity("LAR", "Los Angeles Rams"),
  entity("MIA", "Miami Dolphins"),
  entity("MIN", "Minnesota Vikings"),
  entity("NE", "New England Patriots"),
  entity("NO", "New Orleans Saints"),
  entity("NYG", "New York Giants"),
  entity("NYJ", "New York Jets"),
  entity("PHI", "Philadelphia Eagles"),
  entity("PIT", "Pittsburgh Steelers"),
  entity("SF", "San Francisco 49ers"),
  entity("SEA", "Seattle Seahawks"),
  entity("TB", "Tampa Bay Buccaneers"),
  entity("TEN", "Tennessee Titans"),
  entity("WSH", "Washington Commanders"),
];
