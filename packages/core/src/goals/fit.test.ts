// Dixon-Coles against the reference fit of ../shared/reference/dixon-coles-epl-2023-24.md (the exact
// maximum of penaltyblog's objective, column C), read in place with the shared season's CSV.

import { hasShared } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { DIXON_COLES_BOUNDS } from "./dixon-coles.ts";
import { fitDixonColes, type GoalsGame } from "./fit.ts";
import {
  eplGames,
  eplSeasonPath,
  type ReferenceFit,
  readReference,
  referencePath,
} from "./reference.test-helpers.ts";
import {
  goalTotalOutcome,
  predictScoreMatrix,
  scoreProbability,
  threeWayProbabilities,
} from "./score-matrix.ts";

// The reference prints 6 decimals: agreement within 1e-6 is agreement to its last digit.
const TOL = 1e-6;
const close = (actual: number, expected: number, what: string) => {
  if (!(Math.abs(actual - expected) <= TOL)) throw new Error(`${what}: ${actual} vs reference ${expected}`);
};

function checkFit(games: GoalsGame[], ref: ReferenceFit, xi: number) {
  const fit = fitDixonColes(games, { xi });
  expect(fit.converged).toBe(true);
  expect(fit.games).toBe(380);
  expect(fit.teams).toHaveLength(20);
  expect(Object.keys(ref.attack)).toHaveLength(20);
  for (const team of fit.teams) {
    close(fit.attack[team]!, ref.attack[team]!, `${team} attack`);
    close(fit.defence[team]!, ref.defence[team]!, `${team} defence`);
  }
  close(fit.homeAdvantage, ref.homeAdvantage, "home advantage");
  close(fit.rho, ref.rho, "rho");
  close(fit.logLikelihood, ref.logLikelihood, "log-likelihood");
  // penaltyblog's identification: mean attack exactly 1.
  expect(Object.values(fit.attack).reduce((s, a) => s + a, 0)).toBeCloseTo(20, 12);
  expect(ref.fixtures).toHaveLength(5);
  for (const f of ref.fixtures) {
    const m = predictScoreMatrix(fit, f.home, f.away);
    const p = threeWayProbabilities(m);
    const what = `${f.home} v ${f.away}`;
    close(m.lambdaHome, f.lambdaHome, `${what} lambda home`);
    close(m.lambdaAway, f.lambdaAway, `${what} lambda away`);
    close(p.home, f.home1x2, `${what} P(home)`);
    close(p.draw, f.draw, `${what} P(draw)`);
    close(p.away, f.away1x2, `${what} P(away)`);
    close(goalTotalOutcome(m, "over", 2.5).win, f.over25, `${what} P(over 2.5)`);
  }
  const grid = predictScoreMatrix(fit, "Man United", "Fulham");
  expect(ref.grid).toHaveLength(6);
  ref.grid.forEach((row, i) => {
    row.forEach((p, j) => {
      close(scoreProbability(grid, i, j), p, `Man United ${i}-${j} Fulham`);
    });
  });
}

describe.skipIf(!hasShared(...referencePath) || !hasShared(...eplSeasonPath))(
  "Dixon-Coles reproduces the reference EPL 2023-24 fit (column C) to 1e-6",
  () => {
    const games = hasShared(...eplSeasonPath) ? eplGames() : [];
    const ref = hasShared(...referencePath) ? readReference() : null;
    it("no decay: 40 team parameters, home advantage, rho, log-likelihood, 5 fixtures and the score grid", () => {
      checkFit(games, ref!.noDecay, 0);
    });
    it("time decay xi = 0.0018 (weights counted back from the last match, 2024-05-19)", () => {
      checkFit(games, ref!.decay, 0.0018);
    });
    it("scaling every weight alike (another decay base date) moves the log-likelihood, not the fit", () => {
      const base = fitDixonColes(games, { xi: 0.0018 });
      const later = fitDixonColes(games, { xi: 0.0018, decayFrom: "2024-06-30" });
      expect(later.homeAdvantage).toBeCloseTo(base.homeAdvantage, 9);
      expect(later.rho).toBeCloseTo(base.rho, 9);
      expect(later.logLikelihood).toBeGreaterThan(base.logLikelihood); // smaller weights, smaller |ll|
    });
    it("asOf fits only the games before that day", () => {
      const fit = fitDixonColes(games, { asOf: "2023-12-01" });
      expect(fit.games).toBe(games.filter((g) => g.date < "2023-12-01").length);
      expect(fit.lastGameDate < "2023-12-01").toBe(true);
      expect(fit.converged).toBe(true);
    });
  },
);

describe("fitDixonColes on a small league", () => {
  const g = (date: string, home: string, away: string, hg: number | null, ag: number | null): GoalsGame => ({
    date,
    home,
    away,
    homeGoals: hg,
    awayGoals: ag,
  });
  const league = [
    g("2024-01-01", "A", "B", 2, 1),
    g("2024-01-01", "C", "D", 0, 0),
    g("2024-01-08", "B", "C", 1, 1),
    g("2024-01-08", "D", "A", 0, 3),
    g("2024-01-15", "A", "C", 1, 0),
    g("2024-01-15", "B", "D", 2, 2),
    g("2024-01-22", "C", "A", 1, 2),
    g("2024-01-22", "D", "B", 1, 0),
    g("2024-01-29", "A", "D", null, null),
  ];
  it("reaches a stationary point inside the bounds, with mean attack 1", () => {
    const fit = fitDixonColes(league);
    expect(fit.converged).toBe(true);
    expect(fit.maxProjectedGradient).toBeLessThan(1e-8);
    expect(fit.games).toBe(8); // the unplayed game is not fitted
    expect(Object.values(fit.attack).reduce((s, a) => s + a, 0)).toBeCloseTo(4, 12);
    // A, unbeaten with 8 goals for, has the best attack.
    expect(Math.max(...Object.values(fit.attack))).toBe(fit.attack.A);
  });
  it("a team that never scored is pushed onto the bounds, and the fit still converges there", () => {
    const shutout = [
      g("2024-01-01", "A", "B", 2, 0),
      g("2024-01-08", "B", "A", 0, 1),
      g("2024-01-15", "A", "B", 3, 0),
    ];
    const fit = fitDixonColes(shutout);
    // B's scoring rate, exp(attack B + defence A), falls until A's defence reaches −2.5 (and
    // A's attack, which Σ attack = 2 ties to B's, is kept inside its bound).
    expect(fit.defence.A).toBe(-2.5);
    expect(fit.attack.A! + fit.attack.B!).toBeCloseTo(2, 12);
    expect(fit.converged).toBe(true);
    expect(fit.maxProjectedGradient).toBeLessThan(1e-8);
  });
  it("rejects bad games, naming them", () => {
    expect(() => fitDixonColes([g("2024-01-01", "A", "A", 1, 0)])).toThrow(/game 1 .*cannot play itself/);
    expect(() => fitDixonColes([g("2024-01-01", "A", "B", 1.5, 0)])).toThrow(/whole numbers ≥ 0, got 1.5/);
    expect(() => fitDixonColes([g("2024-01-01", "A", "B", 1, null)])).toThrow(/both scores or neither/);
    expect(() => fitDixonColes([g("2024-13-01", "A", "B", 1, 0)])).toThrow(/not a/);
    expect(() => fitDixonColes(league, { asOf: "2024-01-01" })).toThrow(/no played games before 2024-01-01/);
    expect(() => fitDixonColes(league, { xi: -1 })).toThrow(/xi must be/);
  });
});

describe("a warm start at the ρ bound", () => {
  /** Scores of about 1.4 goals a side (Poisson by inversion from a fixed stream), so every τ cell is observed. */
  function hockey(): GoalsGame[] {
    let a = 99;
    const u = () => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return a / 4294967296;
    };
    const poisson = (lambda: number) => {
      let [k, p, s] = [0, Math.exp(-lambda), Math.exp(-lambda)];
      const x = u();
      while (x > s) {
        k++;
        p *= lambda / k;
        s += p;
      }
      return k;
    };
    const teams = ["A", "B", "C", "D", "E", "F", "G", "H"];
    const games: GoalsGame[] = [];
    for (let round = 0; round < 12; round++)
      for (let i = 0; i < teams.length; i++)
        for (let j = 0; j < teams.length; j++) {
          if (i === j) continue;
          const date = new Date(Date.UTC(2017, 9, 1 + round * 14 + (i % 7))).toISOString().slice(0, 10);
          games.push({
            date,
            home: teams[i]!,
            away: teams[j]!,
            homeGoals: poisson(1.6),
            awayGoals: poisson(1.2),
          });
        }
    return games;
  }

  it("does not hold the fit there: τ is floored at that ρ, which leaves no gradient to leave by", () => {
    const games = hockey();
    const cold = fitDixonColes(games);
    expect(cold.rho).toBeGreaterThan(-0.3);
    expect(cold.rho).toBeLessThan(0.15);
    // An earlier fit on a handful of games can end at the bound (the first days of a season).
    const warm = fitDixonColes(games, { start: { ...cold, rho: DIXON_COLES_BOUNDS.rho[1] } });
    expect(warm.rho).toBeCloseTo(cold.rho, 6);
    expect(warm.logLikelihood).toBeCloseTo(cold.logLikelihood, 6);
  });
});
