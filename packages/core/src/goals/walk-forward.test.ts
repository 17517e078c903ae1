import { hasShared } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import type { GoalsGame } from "./fit.ts";
import { eplGames, eplSeasonPath } from "./reference.test-helpers.ts";
import { walkForwardDixonColes } from "./walk-forward.ts";

/** A six-team double round robin over ten weeks, scores from a fixed pattern. */
function league(): GoalsGame[] {
  const teams = ["A", "B", "C", "D", "E", "F"];
  const games: GoalsGame[] = [];
  let week = 0;
  for (let i = 0; i < teams.length; i++) {
    for (let j = 0; j < teams.length; j++) {
      if (i === j) continue;
      const date = new Date(Date.UTC(2024, 0, 6 + 7 * Math.floor(week / 3))).toISOString().slice(0, 10);
      games.push({
        date,
        home: teams[i]!,
        away: teams[j]!,
        homeGoals: (i * 7 + j * 3) % 4,
        awayGoals: (j * 5 + i) % 3,
      });
      week++;
    }
  }
  return games;
}

function leakageCheck(games: GoalsGame[], cutoff: string) {
  const before = walkForwardDixonColes(games, { xi: 0.0018 });
  // Rewrite every result from the cutoff on.
  const changed = games.map((g) =>
    g.date >= cutoff ? { ...g, homeGoals: g.awayGoals, awayGoals: (g.homeGoals ?? 0) + 2 } : g,
  );
  const after = walkForwardDixonColes(changed, { xi: 0.0018 });
  const byIndex = new Map(after.predictions.map((p) => [p.index, p]));
  let earlier = 0;
  let laterChanged = 0;
  for (const p of before.predictions) {
    const q = byIndex.get(p.index)!;
    if (p.game.date <= cutoff) {
      // Games on the cutoff day are priced from earlier days only, so they cannot move either.
      expect(q.probabilities).toEqual(p.probabilities);
      expect(q.lambdaHome).toBe(p.lambdaHome);
      earlier++;
    } else if (q.probabilities.home !== p.probabilities.home) laterChanged++;
  }
  expect(earlier).toBeGreaterThan(0);
  expect(laterChanged).toBeGreaterThan(0); // the check can fail: later results do move later prices
  return before;
}

describe("walkForwardDixonColes", () => {
  const games = league();
  it("prices each game from a fit on the played games strictly before its day", () => {
    const r = walkForwardDixonColes(games, { minGamesPerTeam: 2 });
    expect(r.unconvergedDays).toEqual([]);
    expect(r.predictions.length + r.skipped.length).toBe(games.length);
    for (const p of r.predictions) {
      expect(p.gamesFitted).toBe(games.filter((g) => g.date < p.game.date).length);
      expect(p.probabilities.home + p.probabilities.draw + p.probabilities.away).toBeCloseTo(1, 12);
    }
    // The first day has no history at all.
    expect(r.skipped.filter((s) => s.game.date === games[0]!.date).map((s) => s.reason)).toEqual(
      Array(3).fill("no earlier games"),
    );
  });
  it("skips games whose teams have too little history, saying why", () => {
    const r = walkForwardDixonColes(games, { minGamesPerTeam: 4 });
    expect(r.skipped.some((s) => /played fewer than 4 games before/.test(s.reason))).toBe(true);
    for (const p of r.predictions) {
      const played = (t: string) =>
        games.filter((g) => g.date < p.game.date && (g.home === t || g.away === t)).length;
      expect(played(p.game.home)).toBeGreaterThanOrEqual(4);
      expect(played(p.game.away)).toBeGreaterThanOrEqual(4);
    }
  });
  it("no leakage: changing later results changes no earlier prediction", () => {
    leakageCheck(games, games[18]!.date);
  });
  it("unplayed games are priced but not fitted", () => {
    const open = games.map((g, i) => (i >= 27 ? { ...g, homeGoals: null, awayGoals: null } : g));
    const r = walkForwardDixonColes(open);
    const last = r.predictions.filter((p) => p.index >= 27);
    expect(last.length).toBeGreaterThan(0);
    for (const p of last) expect(p.gamesFitted).toBe(27);
  });
});

describe.skipIf(!hasShared(...eplSeasonPath))("walk-forward on the shared EPL 2023-24 season", () => {
  it("every day's fit converges, and changing results from 2024-01-01 on moves nothing before", () => {
    const games = eplGames();
    const r = leakageCheck(games, "2024-01-01");
    expect(r.unconvergedDays).toEqual([]);
    expect(r.predictions.length).toBeGreaterThan(300);
  });
});
