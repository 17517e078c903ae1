// The root Query fields the compiler covers, each with the filter, order and cursor column of its
// resolver (game.ts, odds.ts, elo-rating.ts, recommendation.ts, placed-bet.ts, portfolio.ts,
// pipeline-run.ts, job.ts). A filter the resolvers would refuse (e.g. `to` before `from`) throws
// here too, and the compiler then declines so that the resolvers answer with their error.
import {
  betFilter,
  gameFilter,
  leaderboardFilter,
  oddsFilter,
  portfolioWindow,
  ratingsFilter,
  recommendationFilter,
  runFilter,
} from "../filters.ts";
import { jobIds } from "../job.ts";
import { dayToDate } from "../scalars.ts";
import type { SportInfo } from "../sport-catalog.ts";
import { type ConnectionSpec, compileConnection, type OrderTerm } from "./connection.ts";
import { EloRatingSpec, GameSpec, OddsSpec, PlacedBetSpec, RecommendationSpec } from "./game-objects.ts";
import { type CompileContext, type Compiled, compileObject, rowObject } from "./object.ts";
import { JobSpec, PipelineRunSpec, PortfolioSpec } from "./operations-objects.ts";
import { type SelectedField, subfields } from "./selection.ts";

/** A root field in SQL, or a value computed in JS (no SQL at all). */
export type RootCompiled = Compiled | { value: unknown };
export type RootCompiler = (field: SelectedField, cx: CompileContext) => RootCompiled | null;

type Args = Record<string, never>;
const asc = (column: string, nullable = false): OrderTerm => ({ column, desc: false, nullable });
const desc = (column: string, nullable = false): OrderTerm => ({ column, desc: true, nullable });

/** `column = $n` for each column whose value is present, in the order given. */
function equals(a: string, cx: CompileContext, columns: Record<string, string | undefined>): string[] {
  return Object.entries(columns).flatMap(([column, value]) =>
    value === undefined ? [] : [`${a}.${column} = ${cx.st.param(value, "text")}`],
  );
}

/** Calls `build`, declining (null) when the resolvers would refuse the arguments. */
function unlessRefused<T>(build: () => T): T | null {
  try {
    return build();
  } catch {
    return null;
  }
}

const games: RootCompiler = (field, cx) => {
  const f = unlessRefused(() => gameFilter(field.args as Args));
  if (!f) return null;
  const spec: ConnectionSpec = {
    node: GameSpec,
    order: [asc("game_date"), asc("commence_time", true), asc("game_id")],
    where: (a, c) => [
      ...equals(a, c, { sport: f.sport, status: f.status }),
      ...(f.from ? [`${a}.game_date >= ${c.st.param(f.from, "date")}`] : []),
      ...(f.to ? [`${a}.game_date <= ${c.st.param(f.to, "date")}`] : []),
      ...(f.team
        ? [
            `(${a}.home_team_id = ${c.st.param(f.team, "text")} OR ${a}.away_team_id = ${c.st.param(f.team, "text")})`,
          ]
        : []),
    ],
  };
  return compileConnection(spec, field, cx);
};

const game: RootCompiler = (field, cx) => {
  const id = String(field.args.id);
  return rowObject(
    GameSpec,
    field,
    cx,
    (t) => `unified_games ${t} WHERE ${t}.game_id = ${cx.st.param(id, "text")}`,
  );
};

const odds: RootCompiler = (field, cx) => {
  const f = oddsFilter(field.args as Args);
  const gameId = String(field.args.gameId);
  return compileConnection(
    {
      node: OddsSpec,
      order: [desc("last_update", true), asc("odds_id")],
      where: (a, c) => equals(a, c, { game_id: gameId, bookmaker: f.bookmaker, market_name: f.market }),
    },
    field,
    cx,
  );
};

/** Rows in force on `day`: started on or before it and not ended by it. */
function inForceOn(a: string, day: string, cx: CompileContext): string[] {
  const d = cx.st.param(day, "date");
  return [`${a}.valid_from <= ${d}`, `(${a}.valid_to IS NULL OR ${a}.valid_to > ${d})`];
}

/** The rating connections' rows: EloRatings by `lead`, ties broken by entity then rating id. */
const ratingRows = (lead: OrderTerm, where: ConnectionSpec["where"]): ConnectionSpec => ({
  node: EloRatingSpec,
  order: [lead, asc("entity_id"), asc("rating_id")],
  where,
});

const eloRatings: RootCompiler = (field, cx) => {
  const f = ratingsFilter(field.args as unknown as { sport: string });
  const where: ConnectionSpec["where"] = (a, c) => [
    ...equals(a, c, { sport: f.sport, entity_id: f.entityId }),
    ...(f.asOf ? inForceOn(a, f.asOf, c) : []),
  ];
  return compileConnection(ratingRows(desc("valid_from"), where), field, cx);
};

/** Ratings in force on `asOf` (default: the current ones), highest first. */
const leaderboard: RootCompiler = (field, cx) => {
  const f = leaderboardFilter(field.args as unknown as { sport: string });
  const where: ConnectionSpec["where"] = (a, c) => [
    ...equals(a, c, { sport: f.sport }),
    ...(f.asOf ? inForceOn(a, f.asOf, c) : [`${a}.valid_to IS NULL`]),
  ];
  return compileConnection(ratingRows(desc("rating"), where), field, cx);
};

const recommendations: RootCompiler = (field, cx) => {
  const f = recommendationFilter(field.args as Args);
  const day = f.date ? dayToDate(f.date) : null;
  return compileConnection(
    {
      node: RecommendationSpec,
      order: [desc("generated_at"), desc("recommendation_id")],
      where: (a, c) => [
        ...equals(a, c, { sport: f.sport, status: f.status }),
        ...(day
          ? [
              `${a}.generated_at >= ${c.st.param(day.toISOString(), "timestamptz")}`,
              `${a}.generated_at < ${c.st.param(new Date(day.getTime() + 86_400_000).toISOString(), "timestamptz")}`,
            ]
          : []),
      ],
    },
    field,
    cx,
  );
};

const placedBets: RootCompiler = (field, cx) => {
  const f = unlessRefused(() => betFilter(field.args as Args));
  if (!f) return null;
  return compileConnection(
    {
      node: PlacedBetSpec,
      order: [{ column: "placed_time_utc", desc: true, nullsLast: true, nullable: true }, asc("bet_id")],
      where: (a, c) => [
        ...equals(a, c, { status: f.status, bookmaker: f.bookmaker }),
        ...(f.from ? [`${a}.placed_time_utc >= ${c.st.param(f.from.toISOString(), "timestamptz")}`] : []),
        ...(f.to ? [`${a}.placed_time_utc < ${c.st.param(f.to.toISOString(), "timestamptz")}`] : []),
      ],
    },
    field,
    cx,
  );
};

const portfolio: RootCompiler = (field, cx) => {
  const w = unlessRefused(() => portfolioWindow(field.args as Args));
  return w && compileObject(PortfolioSpec, w, field, cx);
};

const pipelineRuns: RootCompiler = (field, cx) => {
  const f = runFilter(field.args as Args);
  return compileConnection(
    {
      node: PipelineRunSpec,
      order: [desc("queued_at"), desc("run_id")],
      where: (a, c) => [
        ...equals(a, c, { sport: f.sport, status: f.status }),
        ...(f.date ? [`${a}.run_date = ${c.st.param(f.date, "date")}`] : []),
      ],
    },
    field,
    cx,
  );
};

/** One job by id (null when completed: graphile-worker deletes them). */
const job: RootCompiler = (field, cx) => {
  const ids = unlessRefused(() => jobIds("id", [field.args.id as string]));
  return (
    ids &&
    rowObject(
      JobSpec,
      field,
      cx,
      (j) => `graphile_worker.jobs ${j} WHERE ${j}.id = ${cx.st.param(ids[0], "bigint")}`,
    )
  );
};

const jobs: RootCompiler = (field, cx) => {
  const ids = unlessRefused(() => jobIds("ids", field.args.ids as string[]));
  const j = cx.st.alias();
  const k = cx.st.alias();
  const node = ids && compileObject(JobSpec, j, field, cx);
  if (!node) return null;
  return {
    sql: `(SELECT coalesce(json_agg((SELECT ${node.sql} FROM graphile_worker.jobs ${j} WHERE ${j}.id = ${k}.id) ORDER BY ${k}.i), '[]'::json)
             FROM unnest(${cx.st.param(ids, "bigint[]")}) WITH ORDINALITY ${k}(id, i))`,
    finish: node.finish && ((value) => (value as unknown[]).map(node.finish!)),
  };
};

/** `sports` reads no table: the loaded plugins, shaped by the selection in JS. */
const sports: RootCompiler = (field, cx) => {
  const fields = subfields(field, cx.scope);
  const marketFields = fields?.find((f) => f.name === "markets");
  const markets = marketFields ? subfields(marketFields, cx.scope) : [];
  if (!fields || !markets) return null;
  const market = (m: SportInfo["markets"][number]) =>
    Object.fromEntries(
      markets.map((f) => [
        f.key,
        f.name === "type" ? m.type.toUpperCase() : f.name === "ways" ? m.ways : "Market",
      ]),
    );
  const sport = (s: SportInfo): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.name === "__typename") out[f.key] = "Sport";
      else if (f.name === "entityKind") out[f.key] = s.entityKind.toUpperCase();
      else if (f.name === "markets") out[f.key] = s.markets.map(market);
      else out[f.key] = s[f.name as "code" | "name" | "timeZone" | "eloPreset"];
    }
    return out;
  };
  return { value: cx.sports.list().map(sport) };
};

export const ROOTS: Record<string, RootCompiler> = {
  games,
  game,
  odds,
  eloRatings,
  leaderboard,
  recommendations,
  placedBets,
  portfolio,
  pipelineRuns,
  job,
  jobs,
  sports,
};
