import { describe, expect, it } from "vitest";
import { decidedScore, demoTeam, demoTeamCode, demoTeamName, demoTeams } from "./demo-game.ts";

describe("demo teams and scores", () => {
  it("names a team by place and nickname, and codes it per source only where it differs", () => {
    const jags = demoTeam("JAX", 30, "Jacksonville", "Jaguars", { kalshi: "JAC" });
    expect(demoTeamName(jags)).toBe("Jacksonville Jaguars");
    expect([demoTeamCode(jags, "kalshi"), demoTeamCode(jags, "espn")]).toEqual(["JAC", "JAX"]);
    const arsenal = demoTeam("ARS", 359, "Arsenal", "");
    expect(demoTeamName(arsenal)).toBe("Arsenal");
    expect(arsenal).not.toHaveProperty("codes");
  });

  it("reads a table of teams, one a line, with nicknames and source codes where there are any", () => {
    const teams = demoTeams(`
      DET  17 Detroit / Red Wings
      JAX  30 Jacksonville / Jaguars kalshi=JAC the-odds-api=JAG
      ARS 359 Aston Villa
    `);
    expect(teams).toEqual([
      demoTeam("DET", 17, "Detroit", "Red Wings"),
      demoTeam("JAX", 30, "Jacksonville", "Jaguars", { kalshi: "JAC", "the-odds-api": "JAG" }),
      demoTeam("ARS", 359, "Aston Villa", ""),
    ]);
    expect(() => demoTeams("BOS Boston / Bruins")).toThrow(/demo team row "BOS Boston \/ Bruins"/);
  });

  it("puts the winner's score on the winner's side, and both sides level on a draw", () => {
    expect(decidedScore("home", 4, 2)).toEqual({ home: 4, away: 2, overtime: false });
    expect(decidedScore("away", 4, 3, true)).toEqual({ home: 3, away: 4, overtime: true });
    expect(decidedScore("draw", 1, 0)).toEqual({ home: 1, away: 1, overtime: false });
  });
});
