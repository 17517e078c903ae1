import { addDays } from "@edgeline/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastReplayElo } from "../elo/fast-replay.ts";
import { fivethirtyeightNfl } from "../elo/presets.ts";
import { gameProbabilities } from "../elo/probability.ts";
import type { EloGame } from "../elo/replay.ts";
import { revertedRating } from "../elo/state.ts";
import type { GoalsGame } from "../goals/fit.ts";
import { applyLateGoals, fitLateGoals, NO_LATE_GOALS } from "../goals/late-goals.ts";
import { finalScoreMatrix, twoWayFromRegulation } from "../goals/overtime.ts";
import { dixonColesScoreMatrix, threeWayProbabilities } from "../goals/score-matrix.ts";
import { eloSpreadOutcome } from "../margins/elo-margin.ts";
import { nflMarginModel } from "../margins/presets.ts";
import { EloTimeline } from "./elo-timeline.ts";
import { eloForecast, goalsForecast } from "./game-forecast.ts";
import { GoalsTimeline } from "./goals-timeline.ts";
import { OvertimeRecord } from "./overtime-record.ts";
import { DEFAULT_BLEND_SETTINGS, type ResolvedSportModel, SportForecaster } from "./sport-forecaster.ts";

const game = (
  date: string,
  season: number,
  home: string,
  away: string,
  hs: number | null,
  as: number | null,
  extra: Partial<EloGame> = {},
): EloGame => ({ date, season, home, away, homeScore: hs, awayScore: as, ...extra });

// A doubleheader on the first day, a gap, a new season (reversion) and an unplayed game.
const GAMES: EloGame[] = [
  game("2021-09-01", 2021, "A", "B", 30, 10),
  game("2021-09-01", 2021, "A", "C", 14, 17),
  game("2021-09-08", 2021, "B", "C", 21, 20),
  game("2021-09-15", 2021, "C", "A", 7, 28),
  game("2022-09-07", 2022, "A", "B", 10, 13),
  game("2022-09-14", 2022, "B", "C", null, null),
];

describe("EloTimeline: ratings at the start of a day", () => {
  const t = new EloTimeline(fivethirtyeightNfl, GAMES);
  const fast = fastReplayElo(fivethirtyeightNfl, GAMES);

  it("on the game's own day they are the replay's pre-game ratings, except a doubleheader's second game", () => {
    GAMES.forEach((g, i) => {
      const r = t.ratingsAt(i, g.date);
      if (i === 1) {
        // A's second game of the day: decided on the morning's rating, not after its first result.
        expect(r.home).toBe(fast.homePre[0]);
        expect(r.home).not.toBe(fast.homePre[1]);
        expect(r.away).toBe(fast.awayPre[1]);
        return;
      }
      expect(r).toEqual({ home: fast.homePre[i], away: fast.awayPre[i] });
    });
  });

  it("on an earlier day they ignore results between that day and the game, and revert into a new season", () => {
    // C v A on 2021-09-15 decided on 2021-09-05: C's 2021-09-08 result is not known yet.
    expect(t.ratingsAt(3, "2021-09-05").home).toBe(fast.awayPost[1]);
    // B v C in 2022 decided before B's first 2022 game: B's 2021 rating, reverted into 2022.
    const b2021 = fast.homePost[2]!;
    expect(t.ratingsAt(5, "2022-09-01").home).toBe(revertedRating(fivethirtyeightNfl, "B", b2021, 2022));
    expect(() => t.ratingsAt(0, "2021-09-02")).toThrow(/cannot be decided on a later day/);
  });

  it("property: changing any result dated on or after day D changes no rating known at D", () => {
    const days = [...new Set(GAMES.map((g) => g.date))];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: days.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
          minLength: GAMES.length,
          maxLength: GAMES.length,
        }),
        (d, scores) => {
          const cutoff = days[d]!;
          const changed = GAMES.map((g, i) =>
            g.date >= cutoff && g.homeScore !== null
              ? { ...g, homeScore: scores[i]![0], awayScore: scores[i]![1] }
              : g,
          );
          const other = new EloTimeline(fivethirtyeightNfl, changed);
          GAMES.forEach((g, i) => {
            if (g.date >= cutoff) expect(other.ratingsAt(i, cutoff)).toEqual(t.ratingsAt(i, cutoff));
          });
        },
      ),
    );
  });
});

describe("game forecasts", () => {
  it("Elo: the moneyline is the engine's probability, spreads come from the margin model, totals need a market total", () => {
    const f = eloForecast(fivethirtyeightNfl, 1600, 1500, 2, {}, nflMarginModel)!;
    const p = gameProbabilities(fivethirtyeightNfl, 1600, 1500);
    expect(f.moneyline).toEqual([p.home, p.away]);
    expect(f.spread!("home", -3)).toEqual(eloSpreadOutcome(nflMarginModel, p.eloDiff, "home", -3));
    expect(f.total!("over", 44.5)).toBeUndefined();
    const over = f.total!("over", 44.5, 44.5)!;
    expect(over.win).toBeCloseTo(0.5, 2);
    // No draw model: no 3-way market; no margin model: no spreads.
    expect(eloForecast(fivethirtyeightNfl, 1600, 1500, 3)).toBeUndefined();
    expect(eloForecast(fivethirtyeightNfl, 1600, 1500, 2)?.spread).toBeUndefined();
  });

  it("goals: three ways from the score matrix; on a 2-way market the draw is split evenly", () => {
    const m = dixonColesScoreMatrix(1.6, 1.1, -0.05);
    const three = goalsForecast(m, 3).moneyline;
    const two = goalsForecast(m, 2).moneyline;
    expect(three.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(two[0]).toBeCloseTo(three[0]! + three[1]! / 2, 15);
    expect(goalsForecast(m, 3).total?.("over", 2.5)?.win).toBeGreaterThan(0.4);
    // The final's matrix of a regulation matrix gives the draw to the home side with the overtime
    // home share, and has no draw left to split.
    const ot = goalsForecast(finalScoreMatrix(m, 0.6), 2).moneyline;
    expect(ot[0]).toBeCloseTo(three[0]! + 0.6 * three[1]!, 12);
    expect(ot[0]! + ot[1]!).toBeCloseTo(1, 12);
  });
});

describe("GoalsTimeline", () => {
  const teams = ["A", "B", "C", "D"];
  const games: GoalsGame[] = [];
  for (let w = 0; w < 8; w++) {
    const date = `2024-0${1 + Math.floor(w / 4)}-${String(1 + 7 * (w % 4)).padStart(2, "0")}`;
    games.push(
      {
        date,
        home: teams[w % 4]!,
        away: teams[(w + 1) % 4]!,
        homeGoals: (w * 7) % 4,
        awayGoals: (w * 3) % 3,
      },
      {
        date,
        home: teams[(w + 2) % 4]!,
        away: teams[(w + 3) % 4]!,
        homeGoals: (w * 5) % 3,
        awayGoals: (w + 1) % 2,
      },
    );
  }
  games.push({ date: "2024-03-01", home: "A", away: "C", homeGoals: null, awayGoals: null });

  it("prices a game from the fit on earlier games only, once both teams have enough of them", () => {
    const t = new GoalsTimeline(games, { xi: 0, minGamesPerTeam: 3 });
    expect(t.matrixAt(0, "2024-01-01")).toBeUndefined(); // nothing played yet
    expect(t.matrixAt(2, "2024-01-08")).toBeUndefined(); // one game each
    const fit = t.fitOn("2024-03-01")!;
    expect(fit.games).toBe(16);
    expect(t.matrixAt(16, "2024-03-01")).toBeDefined();
    // A later result does not move the forecast made before it.
    const changed = games.map((g, i) => (i === 15 ? { ...g, homeGoals: 6 } : g));
    const a = new GoalsTimeline(games, { xi: 0 }).matrixAt(14, games[14]!.date)!;
    const b = new GoalsTimeline(changed, { xi: 0 }).matrixAt(14, games[14]!.date)!;
    expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));
  });
});

describe("the goals model on regulation scores (hockey)", () => {
  // Four teams, two games a week for eight weeks; every third game goes past regulation (tied
  // after it, won by one goal), every fifth has no regulation score; then one unplayed game.
  const teams = ["A", "B", "C", "D"];
  const games: EloGame[] = [];
  for (let w = 0; w < 16; w++) {
    const date = `2024-${String(1 + Math.floor(w / 4)).padStart(2, "0")}-${String(1 + 7 * (w % 4)).padStart(2, "0")}`;
    const [h, a] = [(w * 7) % 4, (w * 3) % 3];
    const past = w % 3 === 0;
    const tie = Math.min(h, a);
    const homeWins = w % 2 === 0;
    const [hs, as] = past ? (homeWins ? [tie + 1, tie] : [tie, tie + 1]) : [h, a === h ? a + 1 : a];
    games.push(
      game(date, 2024, teams[w % 4]!, teams[(w + 1) % 4]!, hs, as, {
        ...(w % 5 === 4 ? {} : { regulation: past ? { home: tie, away: tie } : { home: hs!, away: as! } }),
      }),
    );
  }
  games.push(game("2024-05-01", 2024, "A", "C", null, null));
  const model: ResolvedSportModel = {
    elo: fivethirtyeightNfl,
    goals: { xi: 0, minGamesPerTeam: 3, regulation: true },
    betting: "goals",
    blend: { ...DEFAULT_BLEND_SETTINGS },
  };
  const last = games.length - 1;

  it("fits regulation goals only, and adds overtime with the home share of earlier games past regulation", () => {
    const f = new SportForecaster(model, games, 2);
    const fit = f.goals!.fitOn("2024-05-01")!;
    // The games with no regulation score are left out of the fit.
    expect(fit.games).toBe(games.filter((g) => g.regulation).length);
    const regulationGoals: GoalsGame[] = games.map((g) => ({
      date: g.date,
      home: g.home,
      away: g.away,
      homeGoals: g.regulation?.home ?? null,
      awayGoals: g.regulation?.away ?? null,
    }));
    const matrix = new GoalsTimeline(regulationGoals, model.goals!).matrixAt(last, "2024-05-01")!;
    const past = games.filter((g) => g.regulation && g.regulation.home === g.regulation.away);
    const share = past.filter((g) => g.homeScore! > g.awayScore!).length / past.length;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    const expected = twoWayFromRegulation(threeWayProbabilities(matrix), share);
    expect(f.forecast(last, "2024-05-01")!.moneyline).toEqual(expected.map((p) => expect.closeTo(p, 14)));
  });

  it("moves the overtime share, not the matrix, when an overtime game's winner changes", () => {
    const i = games.findIndex((g) => g.regulation && g.regulation.home === g.regulation.away);
    const flipped = games.map((g, k) =>
      k === i ? { ...g, homeScore: g.awayScore, awayScore: g.homeScore } : g,
    );
    const [a, b] = [new SportForecaster(model, games, 2), new SportForecaster(model, flipped, 2)];
    expect(Array.from(b.goals!.matrixAt(last, "2024-05-01")!.probabilities)).toEqual(
      Array.from(a.goals!.matrixAt(last, "2024-05-01")!.probabilities),
    );
    expect(b.forecast(last, "2024-05-01")!.moneyline[0]).not.toBeCloseTo(
      a.forecast(last, "2024-05-01")!.moneyline[0]!,
      6,
    );
    // The finals model (no `regulation`) reads the changed finals.
    const finals = { ...model, goals: { xi: 0, minGamesPerTeam: 3 } };
    expect(new SportForecaster(finals, games, 2).goals!.fitOn("2024-05-01")!.games).toBe(16);
  });

  it("OvertimeRecord: the share of the games before the day, even until both sides have won one", () => {
    const g = (date: string, hs: number, as: number): EloGame =>
      game(date, 2024, "A", "B", hs, as, { regulation: { home: Math.min(hs, as), away: Math.min(hs, as) } });
    const record = new OvertimeRecord([
      g("2024-01-01", 3, 2),
      g("2024-01-02", 2, 3),
      g("2024-01-02", 4, 3),
      game("2024-01-03", 2024, "A", "B", 5, 1, { regulation: { home: 5, away: 1 } }),
      g("2024-01-04", 1, 0),
    ]);
    expect(record.homeShareBefore("2024-01-01")).toBe(0.5);
    expect(record.homeShareBefore("2024-01-02")).toBe(0.5); // one home win only
    expect(record.homeShareBefore("2024-01-03")).toBeCloseTo(2 / 3, 15);
    expect(record.homeShareBefore("2024-01-04")).toBeCloseTo(2 / 3, 15); // a regulation win is not counted
    expect(record.homeShareBefore("2024-02-01")).toBe(3 / 4);
  });
});

describe("the goals model with late goals apart (hockey)", () => {
  // Two seasons of six teams, three games every third day; regulation scores from a fixed pattern.
  const teams = ["A", "B", "C", "D", "E", "F"];
  const games: EloGame[] = [];
  for (const season of [2022, 2023])
    for (let d = 0; d < 90; d++) {
      const date = addDays(`${season}-10-01`, 3 * d);
      for (let k = 0; k < 3; k++) {
        const [h, a] = [(d * 7 + k * 3) % 6, (d * 5 + k * 2 + 1) % 5];
        const past = (d + k) % 4 === 0;
        const tie = Math.min(h, a);
        const regulation = past ? { home: tie, away: tie } : { home: h, away: a === h ? a + 1 : a };
        const [hs, as] = past
          ? d % 2
            ? [tie + 1, tie]
            : [tie, tie + 1]
          : [regulation.home, regulation.away];
        games.push(
          game(date, season, teams[(d + k) % 6]!, teams[(d + k + 1 + (d % 5)) % 6]!, hs!, as!, {
            regulation,
          }),
        );
      }
    }
  const model: ResolvedSportModel = {
    elo: fivethirtyeightNfl,
    goals: { xi: 0.002, minGamesPerTeam: 3, regulation: true, lateGoals: true },
    betting: "goals",
    blend: { ...DEFAULT_BLEND_SETTINGS },
  };

  it("fits the transitions on the earlier seasons' games once a season, and prices through them", () => {
    const f = new SportForecaster(model, games, 2);
    // The first season has no earlier one: no transitions.
    expect(f.lateGoals!.before(2022)).toEqual(NO_LATE_GOALS);
    // The second: EM on the first season's games, each with its own day's regulation matrix.
    const samples = games.flatMap((g, i) => {
      const matrix = g.season === 2022 ? f.goals!.matrixAt(i, g.date) : undefined;
      return matrix ? [{ matrix, home: g.regulation!.home, away: g.regulation!.away }] : [];
    });
    expect(samples.length).toBeGreaterThan(200);
    const fit = fitLateGoals(samples);
    expect(f.lateGoals!.before(2023)).toEqual(fit);
    const i = games.findIndex((g) => g.season === 2023 && g.date >= "2023-12-01");
    const day = games[i]!.date;
    const regulation = applyLateGoals(f.goals!.matrixAt(i, day)!, fit);
    const expected = threeWayProbabilities(finalScoreMatrix(regulation, f.overtime!.homeShareBefore(day)));
    expect(f.forecast(i, day)!.moneyline).toEqual(
      [expected.home, expected.away].map((p) => expect.closeTo(p, 14)),
    );
    // Without lateGoals the same game prices from the matrix itself. The leader's late goals keep
    // the winner (the moneyline moves only by equalisers, none fitted here) but move the puck line.
    const plain = new SportForecaster({ ...model, goals: { ...model.goals!, lateGoals: false } }, games, 2);
    expect(plain.lateGoals).toBeUndefined();
    expect(fit.extendOne).toBeGreaterThan(0.05);
    const cover = (x: SportForecaster) => x.forecast(i, day)!.spread!("home", -1.5).win;
    expect(cover(f)).toBeGreaterThan(cover(plain) + 0.005);
  });
});
