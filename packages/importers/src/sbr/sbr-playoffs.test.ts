import { describe, expect, it } from "vitest";
import { inferPlayoffs } from "./sbr-playoffs.ts";

/** A round robin of `teams` teams played `rounds` times, a day per round, then extra games. */
function season(teams: number, rounds: number, extra: Array<[string, string, string]>) {
  const games: Array<{ date: string; home: string; away: string }> = [];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < teams; i++)
      for (let j = i + 1; j < teams; j++) {
        const day = `2020-${String(1 + Math.floor(r / 28)).padStart(2, "0")}-${String(1 + (r % 28)).padStart(2, "0")}`;
        games.push({ date: day, home: `T${i}`, away: `T${j}` });
      }
  for (const [date, home, away] of extra) games.push({ date, home, away });
  return games;
}

describe("SBR playoffs from the schedule", () => {
  it("marks every game from the first day both teams are past the regular season", () => {
    // 6 teams, 5 rounds: 25 games each; then T0 and T1 play a series, T2 and T3 on the same days.
    const games = season(6, 5, [
      ["2020-06-01", "T0", "T1"],
      ["2020-06-01", "T2", "T3"],
      ["2020-06-02", "T1", "T0"],
    ]);
    const r = inferPlayoffs(games)!;
    expect(r.regularGames).toBe(25);
    expect(r.playoff.filter(Boolean)).toHaveLength(3);
    expect(r.playoff.slice(0, -3).some(Boolean)).toBe(false);
  });

  it("gives no answer for a part of a season or a short file", () => {
    expect(inferPlayoffs(season(6, 1, []))).toBeNull(); // 5 games a team
    const part = season(6, 5, []).filter((g, i) => i % 7 !== 0 || g.home !== "T0");
    expect(inferPlayoffs(part.slice(0, 40))).toBeNull();
  });
});
