// Models beside the market on the shared EPL 2023-24 season (football-data E0, 380 games), all
// walk-forward and on the same games: Dixon-Coles fitted before each match day on the games
// before it, Elo (default-epl preset, replayed from 1500 at the season's start), Pinnacle's
// closing 1X2 (PSCH/PSCD/PSCA) with the margin removed, and the blends of each model with that
// close, the blend weight fitted walk-forward on earlier games only. Also over/under 2.5 against
// Pinnacle's closing total (PC>2.5 / PC<2.5). Run alone with `pnpm exec tsx bench/models-epl.ts`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { blendProbabilities, walkForwardBlendWeights } from "../packages/core/src/blend/index.ts";
import { type EloGame, fastReplayElo } from "../packages/core/src/elo/index.ts";
import {
  type CategoricalForecast,
  compareForecasters,
  type ForecastScores,
} from "../packages/core/src/evaluation/index.ts";
import { type GoalsGame, goalTotalOutcome, walkForwardDixonColes } from "../packages/core/src/goals/index.ts";
import { devig } from "../packages/core/src/odds/index.ts";
import { eplDefault } from "../packages/sport-generic/src/espn-elo-models.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const csvFile = path.resolve(repoRoot, "../shared/datasets/football-data/E0-2023-24.csv");

/** Games a team needs before the goals model prices it (walk-forward's minGamesPerTeam). */
const MIN_GAMES_PER_TEAM = 3;
/** Earlier scored games before a blend weight is fitted; until then the blend is the market (w = 0). */
const MIN_BLEND_GAMES = 50;
const XI = 0.0018;

interface Row {
  date: string;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
  outcome: 0 | 1 | 2;
  close: [number, number, number];
  /** Null where the file has no closing total price. */
  closeOverUnder: [number, number] | null;
}

function readSeason(): Row[] {
  const rows = parse(readFileSync(csvFile, "utf8"), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const out = rows.map((r, i) => {
    const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(r.Date ?? "");
    const n = (col: string) => {
      const v = Number(r[col]);
      if (r[col] === undefined || r[col] === "" || !Number.isFinite(v)) {
        throw new Error(`${csvFile} line ${i + 2}: column ${col} is "${r[col]}", not a number`);
      }
      return v;
    };
    if (!m) throw new Error(`${csvFile} line ${i + 2}: Date "${r.Date}" is not dd/mm/yyyy`);
    const [hg, ag] = [n("FTHG"), n("FTAG")];
    return {
      date: `${m[3]}-${m[2]}-${m[1]}`,
      home: r.HomeTeam!,
      away: r.AwayTeam!,
      homeGoals: hg,
      awayGoals: ag,
      outcome: (hg > ag ? 0 : hg === ag ? 1 : 2) as 0 | 1 | 2,
      close: [n("PSCH"), n("PSCD"), n("PSCA")] as [number, number, number],
      closeOverUnder: r["PC>2.5"] && r["PC<2.5"] ? ([n("PC>2.5"), n("PC<2.5")] as [number, number]) : null,
    };
  });
  // Stable sort by date (the file is in date order; Elo needs it).
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map((x) => x.r);
}

const three = (p: { home: number; draw: number; away: number }): [number, number, number] => [
  p.home,
  p.draw,
  p.away,
];

function line(name: string, s: ForecastScores): string {
  return `  ${name.padEnd(34)} ${String(s.games).padStart(4)}  ${s.brier.toFixed(4)}  ${s.logLoss.toFixed(4)}  ${(100 * s.accuracy).toFixed(1).padStart(5)}%`;
}

export function main(): void {
  if (!existsSync(csvFile)) {
    console.log(`models-epl bench skipped: ${csvFile} not found`);
    return;
  }
  const rows = readSeason();
  const games: GoalsGame[] = rows.map((r) => ({
    date: r.date,
    home: r.home,
    away: r.away,
    homeGoals: r.homeGoals,
    awayGoals: r.awayGoals,
  }));

  const t0 = performance.now();
  const dc = walkForwardDixonColes(games, { xi: XI, minGamesPerTeam: MIN_GAMES_PER_TEAM });
  const dcMs = performance.now() - t0;
  const dcFlat = walkForwardDixonColes(games, { xi: 0, minGamesPerTeam: MIN_GAMES_PER_TEAM });
  if (dc.unconvergedDays.length > 0 || dcFlat.unconvergedDays.length > 0) {
    console.log(
      `  warning: fits that did not converge: ${[...dc.unconvergedDays, ...dcFlat.unconvergedDays].join(", ")}`,
    );
  }

  const eloGames: EloGame[] = rows.map((r) => ({
    date: r.date,
    season: 2024,
    home: r.home,
    away: r.away,
    homeScore: r.homeGoals,
    awayScore: r.awayGoals,
  }));
  const elo = fastReplayElo(eplDefault, eloGames);
  const eloProbs = rows.map(
    (_, i) => [elo.home[i]!, elo.draw![i]!, elo.away[i]!] as [number, number, number],
  );
  const market = rows.map((r) => devig(r.close, "multiplicative").probabilities as [number, number, number]);

  // The games every forecaster prices: those the goals model could price (both teams with history).
  const scored = dc.predictions.map((p) => p.index);
  const flatByIndex = new Map(dcFlat.predictions.map((p) => [p.index, p]));
  const dcByIndex = new Map(dc.predictions.map((p) => [p.index, p]));

  const blendOf = (model: (i: number) => number[]) => {
    const samples = scored.map((i) => ({
      date: rows[i]!.date,
      model: model(i),
      market: market[i]!,
      outcome: rows[i]!.outcome,
    }));
    const weights = walkForwardBlendWeights(samples, { minGames: MIN_BLEND_GAMES, defaultWeight: 0 });
    const byDate = new Map(weights.map((w) => [w.date, w]));
    const probs = samples.map((s) => blendProbabilities(s.model, s.market, byDate.get(s.date)!.weight));
    return { probs, weights, fitted: samples.map((s) => byDate.get(s.date)!.fitted) };
  };
  const dcModel = (i: number) => three(dcByIndex.get(i)!.probabilities);
  const dcBlend = blendOf(dcModel);
  const eloBlend = blendOf((i) => eloProbs[i]!);

  const f = (p: (i: number, k: number) => number[]): CategoricalForecast[] =>
    scored.map((i, k) => ({ probabilities: p(i, k), outcome: rows[i]!.outcome }));
  const same = compareForecasters({
    [`Dixon-Coles xi ${XI}`]: f((i) => dcModel(i)),
    "Dixon-Coles xi 0": f((i) => three(flatByIndex.get(i)!.probabilities)),
    "Elo (default-epl)": f((i) => eloProbs[i]!),
    "Pinnacle close, de-vigged": f((i) => market[i]!),
    [`blend Dixon-Coles + close`]: f((_, k) => dcBlend.probs[k]!),
    "blend Elo + close": f((_, k) => eloBlend.probs[k]!),
  });
  const all = compareForecasters({
    "Elo (default-epl)": rows.map((r, i) => ({ probabilities: eloProbs[i]!, outcome: r.outcome })),
    "Pinnacle close, de-vigged": rows.map((r, i) => ({ probabilities: market[i]!, outcome: r.outcome })),
  });
  const fittedOnly = scored.map((_, k) => k).filter((k) => dcBlend.fitted[k]);
  const sub = compareForecasters({
    [`Dixon-Coles xi ${XI}`]: fittedOnly.map((k) => ({
      probabilities: dcModel(scored[k]!),
      outcome: rows[scored[k]!]!.outcome,
    })),
    "Pinnacle close, de-vigged": fittedOnly.map((k) => ({
      probabilities: market[scored[k]!]!,
      outcome: rows[scored[k]!]!.outcome,
    })),
    "blend Dixon-Coles + close": fittedOnly.map((k) => ({
      probabilities: dcBlend.probs[k]!,
      outcome: rows[scored[k]!]!.outcome,
    })),
  });
  const withTotal = scored.filter((i) => rows[i]!.closeOverUnder !== null);
  const over = (i: number) => (rows[i]!.homeGoals + rows[i]!.awayGoals > 2.5 ? 0 : 1);
  const overUnder = compareForecasters({
    [`Dixon-Coles xi ${XI}`]: withTotal.map((i) => {
      const p = goalTotalOutcome(dcByIndex.get(i)!.matrix, "over", 2.5).win;
      return { probabilities: [p, 1 - p], outcome: over(i) };
    }),
    "Pinnacle close, de-vigged": withTotal.map((i) => ({
      probabilities: devig(rows[i]!.closeOverUnder!, "multiplicative").probabilities,
      outcome: over(i),
    })),
  });
  const header = `  ${"forecaster".padEnd(34)} games  Brier   logloss  correct`;
  console.log(
    `EPL 2023-24 (${csvFile.split("/").slice(-1)[0]}), walk-forward: each match day fitted only on earlier games.`,
  );
  console.log(
    `Dixon-Coles: ${dc.fits} day fits in ${dcMs.toFixed(0)} ms; a game is priced once both teams have ${MIN_GAMES_PER_TEAM}+ earlier games: ${scored.length} of ${rows.length} games (${dc.skipped.length} skipped, the first weeks).`,
  );
  console.log(`\n1X2 on the same ${scored.length} games (Brier: multi-class, Σ over home/draw/away):`);
  console.log(header);
  for (const [name, s] of Object.entries(same)) console.log(line(name, s));
  console.log(`\n1X2 on all ${rows.length} games (Elo from 1500 at the season's start):`);
  console.log(header);
  for (const [name, s] of Object.entries(all)) console.log(line(name, s));
  console.log(
    `\n1X2 on the ${fittedOnly.length} games whose blend weight was fitted (${MIN_BLEND_GAMES}+ earlier scored games):`,
  );
  console.log(header);
  for (const [name, s] of Object.entries(sub)) console.log(line(name, s));
  const weightSummary = (b: typeof dcBlend) => {
    const fitted = b.weights.filter((w) => w.fitted).map((w) => w.weight);
    return `${Math.min(...fitted).toFixed(3)}-${Math.max(...fitted).toFixed(3)}, last ${fitted[fitted.length - 1]!.toFixed(3)}`;
  };
  console.log(
    `\nModel weight in the blend (log-odds pool: 1 = model, 0 = close), fitted before each day on earlier games: Dixon-Coles ${weightSummary(dcBlend)}; Elo ${weightSummary(eloBlend)}.`,
  );
  console.log(`\nOver/under 2.5 goals on the ${withTotal.length} of those games with a closing total:`);
  console.log(header);
  for (const [name, s] of Object.entries(overUnder)) console.log(line(name, s));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
