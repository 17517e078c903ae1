// `edgeline elo replay`: rate a CSV of results with a sport's Elo model (or a core preset), no database. Reads 538's
// nfl_games.csv layout or a plain layout, writes every row with pre-game ratings and probabilities,
// and prints Brier score, log loss and accuracy over the file.
import { readFileSync, writeFileSync } from "node:fs";
import {
  accuracy,
  brierScore,
  categoricalAccuracy,
  categoricalBrier,
  categoricalLogLoss,
  ELO_PRESETS,
  type EloConfig,
  type EloGame,
  eloPreset,
  loadPlugins,
  logLoss,
  type PluginRegistry,
  replayElo,
} from "@edgeline/core";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

/** 538's layout: team1 is home; any other column is passed through. */
const FIVETHIRTYEIGHT = {
  required: ["date", "season", "neutral", "playoff", "team1", "team2", "score1", "score2"],
  optional: [] as string[],
  home: "team1",
  away: "team2",
  homeScore: "score1",
  awayScore: "score2",
  passThrough: true,
};
/** Plain layout: only these columns; anything else is an error. */
const PLAIN = {
  required: ["date", "season", "home", "away", "home_score", "away_score"],
  optional: ["neutral", "playoff"],
  home: "home",
  away: "away",
  homeScore: "home_score",
  awayScore: "away_score",
  passThrough: false,
};
type Layout = typeof FIVETHIRTYEIGHT;

const OUTPUT_COLUMNS = ["elo1_pre", "elo2_pre", "prob1"];

export function detectLayout(header: readonly string[], file: string): Layout {
  const has = (c: string) => header.includes(c);
  const layout = has("team1") || has("team2") ? FIVETHIRTYEIGHT : has("home") || has("away") ? PLAIN : null;
  if (!layout) {
    throw new Error(
      `${file}: unknown layout; expected 538's columns (${FIVETHIRTYEIGHT.required.join(", ")}) ` +
        `or the plain ones (${PLAIN.required.join(", ")}[, ${PLAIN.optional.join(", ")}])`,
    );
  }
  const missing = layout.required.filter((c) => !has(c));
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(", ")}`);
  if (!layout.passThrough) {
    const known = new Set([...layout.required, ...layout.optional]);
    const unknown = header.filter((c) => !known.has(c));
    if (unknown.length) {
      throw new Error(
        `${file}: unknown column(s) ${unknown.join(", ")}; the plain layout allows only ${[...known].join(", ")}`,
      );
    }
  }
  return layout;
}

const score = z.string().regex(/^\d+$/, "must be a whole number ≥ 0 (or empty if not played)");
const flag = z
  .string()
  .regex(/^(|0|1|true|false|[a-z])$/i, "must be 0/1 (538's playoff round letters count as 1)");
const rowSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD"),
  season: z.string().regex(/^\d{4}$/, "must be a four-digit year"),
  home: z.string().min(1, "must not be empty"),
  away: z.string().min(1, "must not be empty"),
  homeScore: z.union([z.literal(""), score]),
  awayScore: z.union([z.literal(""), score]),
  neutral: flag,
  playoff: flag,
});

const truthy = (s: string) => s !== "" && s !== "0" && s.toLowerCase() !== "false";

export function toGame(record: Record<string, string>, layout: Layout, where: string): EloGame {
  const r = rowSchema.safeParse({
    date: record.date,
    season: record.season,
    home: record[layout.home],
    away: record[layout.away],
    homeScore: record[layout.homeScore],
    awayScore: record[layout.awayScore],
    neutral: record.neutral ?? "",
    playoff: record.playoff ?? "",
  });
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const column = {
      home: layout.home,
      away: layout.away,
      homeScore: layout.homeScore,
      awayScore: layout.awayScore,
    }[String(issue.path[0]) as "home"];
    throw new Error(`${where}: ${column ?? String(issue.path[0])} ${issue.message}`);
  }
  const v = r.data;
  if ((v.homeScore === "") !== (v.awayScore === "")) throw new Error(`${where}: give both scores or neither`);
  return {
    date: v.date,
    season: Number(v.season),
    home: v.home,
    away: v.away,
    homeScore: v.homeScore === "" ? null : Number(v.homeScore),
    awayScore: v.awayScore === "" ? null : Number(v.awayScore),
    neutral: truthy(v.neutral),
    playoff: truthy(v.playoff),
  };
}

function readCsv(file: string): { header: string[]; records: Record<string, string>[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
  const rows = parse(text, { skip_empty_lines: true, trim: true }) as string[][];
  const header = rows[0];
  if (!header) throw new Error(`${file}: empty file`);
  const records = rows.slice(1).map((cells, i) => {
    if (cells.length !== header.length) {
      throw new Error(`${file} line ${i + 2}: ${cells.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!]));
  });
  return { header, records };
}

/** team,elo (538's initial_elos.csv) or entity_id,rating. */
function readInitialRatings(file: string): Record<string, number> {
  const { header, records } = readCsv(file);
  const id = header.find((h) => h === "team" || h === "entity_id");
  const value = header.find((h) => h === "elo" || h === "rating");
  if (!id || !value) throw new Error(`${file}: initial ratings need columns team,elo (or entity_id,rating)`);
  const out: Record<string, number> = {};
  records.forEach((r, i) => {
    const rating = Number(r[value]);
    if (!r[id] || !Number.isFinite(rating) || r[value] === "") {
      throw new Error(`${file} line ${i + 2}: need an id and a numeric rating`);
    }
    out[r[id]!] = rating;
  });
  return out;
}

export interface ReplayOptions {
  sport: string;
  preset?: string;
  input: string;
  initial?: string;
  output: string;
}

/** The model to replay with: `--preset` (a core preset) if given, else the sport plugin's own. */
export function resolveModel(plugins: PluginRegistry, sport: string, preset?: string): EloConfig {
  const loaded = plugins.list().map((p) => p.code);
  if (!plugins.get(sport)) throw new Error(`--sport: unknown sport "${sport}"; loaded: ${loaded.join(", ")}`);
  if (preset === undefined) return plugins.sport(sport).elo;
  try {
    return eloPreset(preset);
  } catch {
    throw new Error(`--preset: unknown preset "${preset}"; presets: ${Object.keys(ELO_PRESETS).join(", ")}`);
  }
}

/** Runs a replay and returns the lines to print. */
export function runReplay(plugins: PluginRegistry, options: ReplayOptions): string[] {
  const config = resolveModel(plugins, options.sport, options.preset);
  const { header, records } = readCsv(options.input);
  const layout = detectLayout(header, options.input);
  let previous = "";
  const games = records.map((record, i) => {
    const where = `${options.input} line ${i + 2}`;
    const game = toGame(record, layout, where);
    if (game.date < previous) {
      throw new Error(
        `${where}: date ${game.date} is before the previous row's ${previous}; rows must be in date order`,
      );
    }
    previous = game.date;
    return game;
  });
  const initialRatings = options.initial ? readInitialRatings(options.initial) : undefined;
  const replay = replayElo(config, games, { initialRatings });

  const hasDraws = config.draws.kind !== "none";
  const added = hasDraws ? [...OUTPUT_COLUMNS, "prob_draw"] : OUTPUT_COLUMNS;
  const columns = [...header.filter((c) => !added.includes(c)), ...added];
  const rows = replay.games.map((g, i) => ({
    ...records[i],
    elo1_pre: String(g.homePre),
    elo2_pre: String(g.awayPre),
    prob1: String(g.probabilities.home),
    ...(hasDraws ? { prob_draw: String(g.probabilities.draw ?? 0) } : {}),
  }));
  writeFileSync(options.output, stringify(rows, { header: true, columns }));

  const played = replay.games.filter((g) => g.game.homeScore !== null && g.game.awayScore !== null);
  const lines = [
    `${config.name}: rated ${replay.games.length} games (${played.length} played) → ${options.output}`,
  ];
  if (played.length === 0) return [...lines, "no played games: no scores to report"];
  if (hasDraws) {
    const forecasts = played.map((g) => {
      const p = g.probabilities;
      const diff = g.game.homeScore! - g.game.awayScore!;
      return { probabilities: [p.home, p.draw ?? 0, p.away], outcome: diff > 0 ? 0 : diff === 0 ? 1 : 2 };
    });
    lines.push(
      `Brier (3-way) ${categoricalBrier(forecasts).toFixed(4)}  log loss ${categoricalLogLoss(forecasts).toFixed(4)}  ` +
        `accuracy ${(100 * categoricalAccuracy(forecasts)).toFixed(2)}%  (n=${forecasts.length})`,
    );
    return lines;
  }
  const decided = played.filter((g) => g.game.homeScore !== g.game.awayScore);
  if (decided.length === 0) return [...lines, "every played game was a tie: no scores to report"];
  const forecasts = decided.map((g) => ({
    probability: g.probabilities.home,
    outcome: g.game.homeScore! > g.game.awayScore! ? (1 as const) : (0 as const),
  }));
  const ties = played.length - decided.length;
  lines.push(
    `Brier ${brierScore(forecasts).toFixed(4)}  log loss ${logLoss(forecasts).toFixed(4)}  ` +
      `accuracy ${(100 * accuracy(forecasts)).toFixed(2)}%  (n=${forecasts.length}${ties ? `, ${ties} ties excluded` : ""})`,
  );
  return lines;
}

export function registerEloCommands(program: Command): void {
  const elo = program.command("elo").description("Elo ratings without a database");
  elo
    .command("replay")
    .description(
      "rate a CSV of results in date order; writes each row with elo1_pre, elo2_pre, prob1 (home win) and, " +
        "for sports with draws, prob_draw; prints Brier score, log loss and accuracy",
    )
    .requiredOption("--sport <code>", "sport code of a loaded plugin (NHL, NFL, ...); its Elo model is used")
    .option("--preset <name>", "a core Elo preset instead of the sport's model, e.g. fivethirtyeight-nfl")
    .requiredOption(
      "--input <csv>",
      "538 layout (date, season, neutral, playoff, team1 = home, team2, score1, score2; other columns kept) " +
        "or plain layout (date, season, home, away, home_score, away_score[, neutral, playoff])",
    )
    .option("--initial <csv>", "starting ratings: team,elo (538's initial_elos.csv) or entity_id,rating")
    .requiredOption("--output <csv>", "where to write the rated rows")
    .action(async (options: ReplayOptions) => {
      for (const line of runReplay(await loadPlugins(), options)) console.log(line);
    });
}
