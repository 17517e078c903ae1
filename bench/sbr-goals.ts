// The goals model on NHL regulation goals (the SBR archive's periods), against the goals model on
// finals, FiveThirtyEight's NHL Elo and the de-vigged closing moneyline, on the same games. The
// NHL archive (../shared/datasets/sbr/nhl) is imported into an empty database with `edgeline
// import`'s code; the backtest loader reads each game's regulation score back. Per game, walk-forward:
// both goals models are Dixon-Coles fitted on the games before the game's day (730-day window,
// decay ξ), the finals model splitting a regulation draw evenly (what `goalsForecast` does without
// an overtime model), the regulation model giving it to the home side with the overtime model's
// probability, that model fitted on the earlier seasons' games that went past regulation (a constant
// home share, or a logistic in log(λ_home / λ_away) where a likelihood-ratio test supports it).
// Beside them, the live model: the NHL plugin's goals model (regulation goals, the late goals, the
// overtime share of every earlier game past regulation) through SportForecaster, as a strategy
// betting "goals" runs it, its decay ξ chosen per season from a grid on the earlier seasons' log
// loss (walk-forward). The first season is warm-up. Scored on the moneyline: home win including
// overtime and shootout. Then, without and with the late goals: the final-score distributions
// against the games', and backtests of puck lines and totals at the archive's prices.
// Run alone with `pnpm exec tsx bench/sbr-goals.ts` (`--xi 0.003` to change the decay).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pipelinePool } from "../packages/api/src/worker/deps.ts";
import {
  backtest,
  defaultStrategy,
  type ExtraTimeGame,
  expectedHomeOf,
  fitConstantOvertime,
  fitOvertimeModel,
  type GoalsGame,
  GoalsTimeline,
  goalDifferenceDistribution,
  loadBacktestHistory,
  loadPlugins,
  type OvertimeModel,
  overtimeHomeProbability,
  PreparedHistory,
  regulationStrength,
  type ScoreMatrix,
  SportForecaster,
  threeWayProbabilities,
  totalGoalsDistribution,
  twoWayFromRegulation,
} from "../packages/core/src/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import { importArchive, seasonLabel as label, repoRoot, sbrFolder } from "./sbr/archive.ts";
import { f4, pct } from "./sbr/format.ts";

const xiArg = process.argv.indexOf("--xi");
const XI = xiArg > 0 ? Number(process.argv[xiArg + 1]) : 0.0018;
/** The live model's decay, chosen per season on the earlier games' log loss (half-lives of 770, 385, 193 days). */
const XI_GRID = [0.0009, 0.0018, 0.0036];

const FORECASTERS = ["regulation", "regulation-constant", "live", "finals", "elo", "market"] as const;
type Forecaster = (typeof FORECASTERS)[number];

/** Brier and log loss sums of home-win probabilities (divided by `games` when printed). */
class Score {
  games = 0;
  brier = 0;
  logLoss = 0;
  add(p: number, homeWon: boolean): void {
    const y = homeWon ? 1 : 0;
    this.games++;
    this.brier += (p - y) ** 2;
    this.logLoss -= Math.log(homeWon ? p : 1 - p);
  }
  merge(o: Score): void {
    this.games += o.games;
    this.brier += o.brier;
    this.logLoss += o.logLoss;
  }
  toString(): string {
    return `${f4(this.brier / this.games)} ${f4(this.logLoss / this.games)}`;
  }
}

export async function main(): Promise<void> {
  if (!existsSync(path.join(sbrFolder, "README.md"))) {
    console.log(`skipped: ${sbrFolder} is absent`);
    return;
  }
  const db = await createTestDatabase();
  const pg = pipelinePool(db.url);
  try {
    const registry = await loadPlugins({ env: {}, cwd: repoRoot });
    await importArchive(pg, registry, "NHL");
    const sport = registry.sport("NHL");
    const h = new PreparedHistory(
      await loadBacktestHistory(pg, sport.plugin, { to: "2100-01-01", markets: ["moneyline"] }),
      ["moneyline"],
    );
    // The NHL plugin's own goals model (regulation goals, the overtime share to date) at each ξ of
    // the grid, as a strategy betting "goals" runs it: the production forecaster.
    const live = new Map(
      XI_GRID.map((xi) => [
        xi,
        new SportForecaster(
          { ...sport.model, betting: "goals", goals: { ...sport.model.goals!, xi } },
          h.eloGames,
          2,
        ),
      ]),
    );
    report(h, new SportForecaster(sport.model, h.eloGames, 2), sport.model.elo.name, live);
    await lineMarkets(pg, registry);
  } finally {
    await pg.end();
    await db.drop();
  }
}

function report(
  h: PreparedHistory,
  elo: SportForecaster,
  eloName: string,
  live: ReadonlyMap<number, SportForecaster>,
): void {
  const games = h.history.games;
  const played = (i: number) => h.isPlayed(i);
  const goalsGames = (pick: (i: number) => { home: number; away: number } | null): GoalsGame[] =>
    games.map((g, i) => {
      const s = played(i) ? pick(i) : null;
      return {
        date: g.date,
        home: g.home,
        away: g.away,
        homeGoals: s?.home ?? null,
        awayGoals: s?.away ?? null,
      };
    });
  const settings = { xi: XI };
  const finals = new GoalsTimeline(
    goalsGames((i) => ({ home: games[i]!.homeScore!, away: games[i]!.awayScore! })),
    settings,
  );
  const regulation = new GoalsTimeline(
    goalsGames((i) => games[i]!.regulation ?? null),
    settings,
  );
  const seasons = [...new Set(games.map((g) => g.season))].sort((a, b) => a - b);
  const withRegulation = games.filter((g, i) => played(i) && g.regulation).length;
  console.log(
    `NHL: ${games.length} games, ${withRegulation} of the ${games.filter((_, i) => played(i)).length} played with a regulation score; ` +
      `goals models ξ ${XI}, 730-day window; ${label(seasons[0]!)} is warm-up`,
  );

  // Every game's regulation matrix first (walk-forward: from games before its day), so that the
  // overtime model of a season can read the strengths of the earlier seasons' games.
  const t0 = performance.now();
  const regMatrix: (ScoreMatrix | undefined)[] = games.map((g, i) => regulation.matrixAt(i, g.date));
  const finMatrix: (ScoreMatrix | undefined)[] = games.map((g, i) => finals.matrixAt(i, g.date));
  console.log(
    `fitted both goals models on every match day in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const homeWon = (i: number) => games[i]!.homeScore! > games[i]!.awayScore!;
  // The live model's home probability of every played game at each ξ (walk-forward, its own day).
  const liveHome = new Map(
    [...live].map(([xi, f]) => [
      xi,
      games.map((g, i) => (played(i) ? f.forecast(i, g.date)?.moneyline[0] : undefined)),
    ]),
  );
  /** The ξ of the grid with the lowest log loss on the games of seasons before `season` that all price. */
  const chooseXi = (season: number): number => {
    const loss = new Map(XI_GRID.map((xi) => [xi, 0]));
    games.forEach((g, i) => {
      if (g.season >= season || !played(i)) return;
      const ps = XI_GRID.map((xi) => liveHome.get(xi)![i]);
      if (ps.some((p) => p === undefined)) return;
      const won = homeWon(i);
      XI_GRID.forEach((xi, k) => {
        loss.set(xi, loss.get(xi)! - Math.log(won ? ps[k]! : 1 - ps[k]!));
      });
    });
    return [...loss].sort((a, b) => a[1] - b[1])[0]![0];
  };

  const extraTime = (i: number) => {
    const r = games[i]!.regulation;
    return r !== undefined && r.home === r.away;
  };
  const extraTimeGames = (season: number): ExtraTimeGame[] =>
    games.flatMap((g, i) =>
      g.season === season && played(i) && extraTime(i)
        ? [{ homeWon: homeWon(i), strength: regMatrix[i] ? regulationStrength(regMatrix[i]!) : 0 }]
        : [],
    );

  console.log(
    "\n  season   games | past reg  OT home | OT model (fitted on earlier seasons)        | " +
      "reg goals Brier LL | reg, constant OT | live model, tuned ξ   | finals goals   | 538 Elo        | market Brier LL",
  );
  const pooled = Object.fromEntries(FORECASTERS.map((k) => [k, new Score()])) as Record<Forecaster, Score>;
  let [pastAll, playedAll] = [0, 0];
  // Calibration of the tie: mean P(tied after regulation) of each matrix against the share observed.
  const ties = { regulation: 0, finals: 0, observed: 0, games: 0 };
  // The regulation result (home ahead, tied, away ahead) as a 3-way market: log loss of each matrix.
  const threeWay = { regulation: 0, finals: 0 };
  const regulationOutcome = (i: number): "home" | "draw" | "away" => {
    const r = games[i]!.regulation!;
    return r.home > r.away ? "home" : r.home === r.away ? "draw" : "away";
  };
  let lastModel: OvertimeModel | undefined;
  const chosen: number[] = [];
  for (const season of seasons.slice(1)) {
    const earlier = seasons.filter((s) => s < season).flatMap(extraTimeGames);
    const ot = fitOvertimeModel(earlier);
    const constant = fitConstantOvertime(earlier);
    const xi = chooseXi(season);
    chosen.push(xi);
    lastModel = ot;
    const scores = Object.fromEntries(FORECASTERS.map((k) => [k, new Score()])) as Record<Forecaster, Score>;
    const own = extraTimeGames(season);
    let playedHere = 0;
    games.forEach((g, i) => {
      if (g.season !== season || !played(i) || !g.regulation) return;
      playedHere++;
      const reg = regMatrix[i];
      const fin = finMatrix[i];
      const close = h.closing(i, () => true).moneyline;
      const e = elo.eloForecast(i, g.date);
      if (!reg || !fin || !close || !e) return;
      const p3 = threeWayProbabilities(reg);
      const won = homeWon(i);
      ties.regulation += p3.draw;
      ties.finals += threeWayProbabilities(fin).draw;
      ties.observed += extraTime(i) ? 1 : 0;
      ties.games++;
      threeWay.regulation -= Math.log(p3[regulationOutcome(i)]);
      threeWay.finals -= Math.log(threeWayProbabilities(fin)[regulationOutcome(i)]);
      const pOt = overtimeHomeProbability(ot, regulationStrength(reg));
      scores.regulation.add(twoWayFromRegulation(p3, pOt)[0], won);
      scores["regulation-constant"].add(
        twoWayFromRegulation(p3, overtimeHomeProbability(constant, 0))[0],
        won,
      );
      const l = liveHome.get(xi)![i];
      if (l === undefined)
        throw new Error(`the live goals model did not price ${g.gameId}, which this file's fit did`);
      scores.live.add(l, won);
      scores.finals.add(twoWayFromRegulation(threeWayProbabilities(fin), 0.5)[0], won);
      scores.elo.add(e.moneyline[0]!, won);
      scores.market.add(expectedHomeOf(close), won);
    });
    pastAll += own.length;
    playedAll += playedHere;
    for (const k of FORECASTERS) pooled[k].merge(scores[k]);
    const otText =
      ot.kind === "constant"
        ? `constant ${pct(overtimeHomeProbability(ot, 0))} (${ot.homeWins}/${ot.games})`
        : `logistic a ${ot.intercept.toFixed(3)} b ${ot.slope.toFixed(3)} (${ot.games} games)`;
    console.log(
      `  ${label(season)} ${String(scores.market.games).padStart(6)} | ${pct(own.length / playedHere).padStart(7)} ${pct(own.filter((x) => x.homeWon).length / own.length).padStart(7)} | ` +
        `${otText.padEnd(42)} | ${scores.regulation} | ${scores["regulation-constant"]} | ${scores.live} ξ ${xi} | ${scores.finals} | ${scores.elo} | ${scores.market}`,
    );
  }
  console.log(
    `  pooled  ${String(pooled.market.games).padStart(6)} | ${pct(pastAll / playedAll).padStart(7)}         | ${"".padEnd(42)} | ` +
      `${pooled.regulation} | ${pooled["regulation-constant"]} | ${pooled.live}          | ${pooled.finals} | ${pooled.elo} | ${pooled.market}`,
  );
  const all = seasons.flatMap(extraTimeGames);
  const wholeConstant = fitConstantOvertime(all);
  const wholeLogistic = fitOvertimeModel(all);
  console.log(
    `\n  games decided after regulation, every season: ${all.length} of ${games.filter((g, i) => played(i) && g.regulation).length} (${pct(all.length / games.filter((g, i) => played(i) && g.regulation).length)}); ` +
      `home share among them ${pct(overtimeHomeProbability(wholeConstant, 0))}; on all seasons the LR test keeps the ${wholeLogistic.kind}` +
      (wholeLogistic.kind === "logistic" ? ` (slope ${wholeLogistic.slope.toFixed(3)})` : ""),
  );
  console.log(
    `  the live model's ξ by season: ${chosen.join(", ")} (grid ${XI_GRID.join(", ")}); the next season's: ${chooseXi(seasons.at(-1)! + 1)}\n` +
      `  the last fold's overtime model: ${lastModel!.kind}, P(home) ${pct(overtimeHomeProbability(lastModel!, 0))} at equal strength; ` +
      `Elo is ${eloName} (the sport's model, untuned: bench/sbr-history.ts reports the tuned one)`,
  );
  console.log(
    `  P(tied after regulation), mean over the scored games: regulation model ${pct(ties.regulation / ties.games)}, ` +
      `finals model ${pct(ties.finals / ties.games)}, observed ${pct(ties.observed / ties.games)}; ` +
      `log loss of the regulation result (3-way): regulation model ${f4(threeWay.regulation / ties.games)}, finals model ${f4(threeWay.finals / ties.games)}`,
  );
  const lastDay = games.at(-1)!.date;
  const [rf, ff] = [regulation.fitOn(lastDay), finals.fitOn(lastDay)];
  console.log(
    `  last fit (${lastDay}): regulation ρ ${rf?.rho.toFixed(3)}, home ${rf?.homeAdvantage.toFixed(3)}; ` +
      `finals ρ ${ff?.rho.toFixed(3)}, home ${ff?.homeAdvantage.toFixed(3)}`,
  );
  console.log(
    `  regulation matrices unconverged on ${regulation.unconvergedDays.length} days, finals on ${finals.unconvergedDays.length}`,
  );
}

/**
 * Puck lines and totals, which the goals model prices from the final's matrix (Elo cannot): the
 * model's margin and total distributions against the games', pooled over the seasons after the
 * first, and backtests at the archive's prices (totals at the opening price, puck lines at the
 * one price the files give) of the raw model at every 3% edge and of the default blend.
 */
async function lineMarkets(
  pg: ReturnType<typeof pipelinePool>,
  registry: Awaited<ReturnType<typeof loadPlugins>>,
): Promise<void> {
  const sport = registry.sport("NHL");
  const h = new PreparedHistory(
    await loadBacktestHistory(pg, sport.plugin, {
      to: "2100-01-01",
      markets: ["moneyline", "spread", "total"],
    }),
  );
  const base = { ...sport.model, betting: "goals" as const };
  const first = Math.min(...h.history.games.map((g) => g.season));
  const add = (m: Map<number, number>, k: number, p: number): void => {
    m.set(k, (m.get(k) ?? 0) + p);
  };
  for (const [title, model] of [
    [
      "the goals model on regulation, no late goals",
      { ...base, goals: { ...base.goals!, lateGoals: false } },
    ],
    [
      "with the late goals (goals.lateGoals, the plugin's)",
      { ...base, goals: { ...base.goals!, lateGoals: true } },
    ],
  ] as const) {
    const f = new SportForecaster(model, h.eloGames, 2);
    const margin = { predicted: new Map<number, number>(), observed: new Map<number, number>() };
    const total = { predicted: new Map<number, number>(), observed: new Map<number, number>() };
    const meanTotal = { predicted: 0, observed: 0 };
    const moneyline = new Score();
    h.history.games.forEach((g, i) => {
      if (g.season === first || !h.isPlayed(i)) return;
      const final = f.scoreMatrixAt(i, g.date);
      if (!final) return;
      moneyline.add(threeWayProbabilities(final).home, g.homeScore! > g.awayScore!);
      const d = goalDifferenceDistribution(final);
      d.probabilities.forEach((p, k) => {
        add(margin.predicted, Math.max(-4, Math.min(4, k + d.min)), p);
      });
      add(margin.observed, Math.max(-4, Math.min(4, g.homeScore! - g.awayScore!)), 1);
      const t = totalGoalsDistribution(final);
      t.probabilities.forEach((p, k) => {
        add(total.predicted, Math.min(9, k + t.min), p);
        meanTotal.predicted += p * (k + t.min);
      });
      add(total.observed, Math.min(9, g.homeScore! + g.awayScore!), 1);
      meanTotal.observed += g.homeScore! + g.awayScore!;
    });
    const n = moneyline.games;
    const row = (d: typeof margin, keys: number[], name: (k: number) => string) =>
      keys
        .map((k) => `${name(k)} ${pct((d.predicted.get(k) ?? 0) / n)}→${pct((d.observed.get(k) ?? 0) / n)}`)
        .join("  ");
    console.log(
      `\n  ${title}: final-score distributions on ${n} games (predicted → observed), moneyline Brier LL ${moneyline}`,
    );
    if (f.lateGoals) {
      const seasons = [...new Set(h.history.games.map((g) => g.season))].sort((a, b) => a - b).slice(1);
      const fits = seasons.map((s) => f.lateGoals!.before(s));
      console.log(
        `  late transitions by season, fitted on the seasons before (extendOne / equalise / extendTwo): ${fits
          .map(
            (x, k) =>
              `${label(seasons[k]!)} ${x.games ? `${pct(x.extendOne)}/${pct(x.equalise)}/${pct(x.extendTwo)}` : "none (warm-up)"}`,
          )
          .join(", ")}`,
      );
    }
    console.log(
      `  home margin: ${row(margin, [-4, -3, -2, -1, 1, 2, 3, 4], (k) => (k === -4 ? "≤−4" : k === 4 ? "≥+4" : k > 0 ? `+${k}` : `−${-k}`))}`,
    );
    console.log(
      `  total goals: ${row(total, [1, 2, 3, 4, 5, 6, 7, 8, 9], (k) => (k === 9 ? "≥9" : String(k)))}; mean ${(meanTotal.predicted / n).toFixed(3)}→${(meanTotal.observed / n).toFixed(3)}`,
    );
    console.log(`  backtests, ${label(first + 1)} to the end, at the archive's prices:`);
    for (const market of ["spread", "total"] as const)
      for (const [name, blend] of [
        ["raw model (weight 1), every 3% edge", { weight: 1 }],
        ["default (fitted blend, shrunk 2 SE)", { weight: "fitted", defaultWeight: 0, shrinkage: 2 }],
      ] as const) {
        const { report } = backtest(h, {
          from: `${first + 1}-07-01`,
          to: "2100-01-01",
          model,
          thresholds: sport.thresholds,
          markets: [market],
          venueRules: (b: string) => registry.rulesFor(b),
          strategy: { ...defaultStrategy(), markets: [market], prices: { at: "opening" }, blend },
        });
        const b = report.betting;
        const clv = report.clv.sameBook;
        const w = report.blendWeights[market];
        console.log(
          `  ${market === "spread" ? "puck line" : "totals   "} ${name.padEnd(36)} ${String(b.bets).padStart(5)} bets, yield ${b.yield === null ? "—" : pct(b.yield)}` +
            `${b.yieldInterval ? ` [${pct(b.yieldInterval[0])}, ${pct(b.yieldInterval[1])}]` : ""}; ` +
            (b.bets === 0
              ? "CLV —"
              : clv.measured
                ? `CLV ${pct(clv.average!)} on ${clv.measured} bets (${pct(clv.beatShare!)} beat the close)`
                : `CLV not measurable (${clv.atClose} bets at their book's only price)`) +
            (w && w.max !== null ? `; model weight at most ${w.max.toFixed(3)}` : ""),
        );
      }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
