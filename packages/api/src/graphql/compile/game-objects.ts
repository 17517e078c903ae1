// The compiler's view of the game-side types: Game, GameSide, Entity, EloRating,
// ModelProbabilities, Odds, Recommendation, PlacedBet. Each field reads what its resolver in
// game.ts, entity.ts, elo-rating.ts, odds.ts, recommendation.ts or placed-bet.ts reads, in the
// same order with the same filters; the statement-equivalence test holds them to it.
import { ratingInForceRow } from "@edgeline/core";
import { oddsFilter } from "../filters.ts";
import { MAX_PAGE_SIZE } from "../pagination.ts";
import {
  type CompileContext,
  type Compiled,
  column,
  compileObject,
  dateTime,
  decimal,
  defineFields,
  finishList,
  idText,
  listOf,
  objectSpec,
  oneOf,
  rowObject,
  rowSpec,
  sameNamed,
} from "./object.ts";
import { type SelectedField, subfields } from "./selection.ts";
import { literal } from "./sql.ts";

export const GameSpec = rowSpec("Game", "unified_games", { column: "game_id", tag: "S", type: "text" });
export const OddsSpec = rowSpec("Odds", "game_odds", { column: "odds_id", tag: "S", type: "text" });
export const RecommendationSpec = rowSpec("Recommendation", "bet_recommendations", {
  column: "recommendation_id",
  tag: "N",
  type: "int",
});
export const PlacedBetSpec = rowSpec("PlacedBet", "placed_bets", {
  column: "bet_id",
  tag: "S",
  type: "text",
});
export const EloRatingSpec = rowSpec("EloRating", "elo_ratings", {
  column: "rating_id",
  tag: "N",
  type: "int",
});
export const OddsQuoteSpec = objectSpec("OddsQuote");

/** An entity is made of three expressions: its sport, id and name. */
interface EntitySource {
  sport: string;
  entityId: string;
  name: string;
}
const EntitySpec = objectSpec<EntitySource>("Entity");

interface SideSource {
  t: string;
  home: boolean;
}
const GameSideSpec = objectSpec<SideSource>("GameSide");

const sideColumn = (s: SideSource, name: "team_id" | "team_name" | "score") =>
  `${s.t}.${s.home ? "home" : "away"}_${name}`;

/** The EloRating in force on `day` for an entity, as an object (or null). */
function ratingOnDay(cx: CompileContext, field: SelectedField, sport: string, entityId: string, day: string) {
  return rowObject(EloRatingSpec, field, cx, (r) => `${ratingInForceRow(sport, entityId, day)} ${r}`);
}

/** Resolvers treat an empty entity id like a missing one (no entity, no rating). */
const present = (expr: string) => `${expr} <> ''`;

defineFields(GameSpec, {
  id: column("game_id"),
  ...sameNamed(column, "sport season status venue"),
  commenceTime: dateTime("commence_time"),
  date: column("game_date"),
  home: (t, field, cx) => compileObject(GameSideSpec, { t, home: true }, field, cx),
  away: (t, field, cx) => compileObject(GameSideSpec, { t, home: false }, field, cx),
  modelProbabilities: compileProbabilities,
  odds: listOf(
    OddsSpec,
    (a, t, field, cx) => {
      const f = oddsFilter(field.args as { bookmaker?: string | null; market?: string | null });
      return [
        `${a}.game_id = ${t}.game_id`,
        ...(f.bookmaker ? [`${a}.bookmaker = ${cx.st.param(f.bookmaker, "text")}`] : []),
        ...(f.market ? [`${a}.market_name = ${cx.st.param(f.market, "text")}`] : []),
      ];
    },
    (a) => `${a}.last_update DESC, ${a}.odds_id ASC`,
  ),
  recommendations: listOf(
    RecommendationSpec,
    (a, t) => [`${a}.game_id = ${t}.game_id`],
    (a) => `${a}.generated_at DESC, ${a}.recommendation_id DESC`,
  ),
  bets: listOf(
    PlacedBetSpec,
    (a, t) => [`${a}.game_id = ${t}.game_id`],
    (a) => `${a}.placed_time_utc DESC, ${a}.bet_id ASC`,
  ),
});

defineFields(GameSideSpec, {
  entityId: (s) => ({ sql: sideColumn(s, "team_id") }),
  name: (s) => ({ sql: sideColumn(s, "team_name") }),
  score: (s) => ({ sql: sideColumn(s, "score") }),
  entity: (s, field, cx) => {
    const id = sideColumn(s, "team_id");
    const source = { sport: `${s.t}.sport`, entityId: id, name: sideColumn(s, "team_name") };
    const node = compileObject(EntitySpec, source, field, cx);
    return node && { sql: `CASE WHEN ${present(id)} THEN ${node.sql} END`, finish: node.finish };
  },
  rating: (s, field, cx) => {
    const id = sideColumn(s, "team_id");
    const node = ratingOnDay(cx, field, `${s.t}.sport`, id, `${s.t}.game_date`);
    return node && { sql: `CASE WHEN ${present(id)} THEN ${node.sql} END`, finish: node.finish };
  },
});

defineFields(EntitySpec, {
  id: (e) => ({ sql: e.entityId }),
  sport: (e) => ({ sql: e.sport }),
  name: (e) => ({ sql: e.name }),
  kind: (e, _field, cx) => {
    // The loaded plugins are known when the server starts: the kind is a constant per sport.
    const cases = cx.sports
      .list()
      .map((s) => `WHEN ${literal(s.code)} THEN ${literal(s.entityKind.toUpperCase())}`);
    return { sql: cases.length ? `CASE ${e.sport} ${cases.join(" ")} END` : "NULL::text" };
  },
  rating: (e, field, cx) => {
    const day = cx.st.param((field.args.asOf as string | null | undefined) ?? cx.today, "date");
    return ratingOnDay(cx, field, e.sport, e.entityId, day);
  },
});

defineFields(EloRatingSpec, {
  id: idText("rating_id"),
  ...sameNamed(column, "sport entityId entityName validFrom validTo gamesPlayed"),
  rating: decimal("rating"),
  entity: (t, field, cx) =>
    compileObject(
      EntitySpec,
      { sport: `${t}.sport`, entityId: `${t}.entity_id`, name: `${t}.entity_name` },
      field,
      cx,
    ),
  history: (t, field, cx) => {
    const limit = (field.args.limit as number | null | undefined) ?? 10;
    if (limit < 0 || limit > MAX_PAGE_SIZE) return null; // the resolver's argument error
    const h = cx.st.alias();
    const node = compileObject(EloRatingSpec, h, field, cx);
    if (!node) return null;
    return {
      sql: `(SELECT coalesce(json_agg(${node.sql} ORDER BY ${h}.valid_from DESC), '[]'::json)
               FROM (SELECT * FROM elo_ratings e WHERE e.sport = ${t}.sport AND e.entity_id = ${t}.entity_id
                        AND e.valid_from < ${t}.valid_from ORDER BY e.valid_from DESC LIMIT ${cx.st.param(limit, "int")}) ${h})`,
      finish: finishList(node.finish),
    };
  },
});

/**
 * Both sides' ratings on the game day come from SQL; the probabilities from the sport's Elo model
 * in JS (the resolver's own computation), in the finishing step.
 */
function compileProbabilities(t: string, field: SelectedField, cx: CompileContext): Compiled | null {
  const fields = subfields(field, cx.scope);
  const known = new Set(["home", "away", "draw", "homeRating", "awayRating", "__typename"]);
  if (!fields?.every((f) => known.has(f.name))) return null;
  const h = cx.st.alias();
  const a = cx.st.alias();
  const homeId = `${t}.home_team_id`;
  const awayId = `${t}.away_team_id`;
  const sql = `CASE WHEN ${present(homeId)} AND ${present(awayId)} THEN
      (SELECT json_build_object('s', ${t}.sport, 'h', ${h}.rating::text, 'a', ${a}.rating::text)
         FROM ${ratingInForceRow(`${t}.sport`, homeId, `${t}.game_date`)} ${h},
              ${ratingInForceRow(`${t}.sport`, awayId, `${t}.game_date`)} ${a}) END`;
  const finish = (value: unknown) => {
    if (value === null || value === undefined) return null;
    const v = value as { s: string; h: string; a: string };
    const p = cx.sports.probabilities(v.s, Number(v.h), Number(v.a));
    if (!p) return null;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.name === "__typename") out[f.key] = "ModelProbabilities";
      else if (f.name === "homeRating") out[f.key] = v.h;
      else if (f.name === "awayRating") out[f.key] = v.a;
      else out[f.key] = p[f.name as "home" | "away" | "draw"];
    }
    return out;
  };
  return { sql, finish };
}

defineFields(OddsSpec, {
  id: column("odds_id"),
  ...sameNamed(column, "gameId bookmaker isPregame externalId"),
  ...sameNamed(decimal, "price line"),
  lastUpdate: dateTime("last_update"),
  game: oneOf(GameSpec, (a, t) => [`${a}.game_id = ${t}.game_id`]),
  market: column("market_name"),
  outcome: column("outcome_name"),
  // The resolver's loader (odds-quote.ts): newest first, at or before `before`, at most `last`.
  history: (t, field, cx) => {
    const last = (field.args.last as number | null | undefined) ?? 20;
    if (last < 0 || last > MAX_PAGE_SIZE) return null; // the resolver's argument error
    const before = field.args.before as Date | null | undefined;
    const q = cx.st.alias();
    const node = compileObject(OddsQuoteSpec, q, field, cx);
    if (!node) return null;
    const until = before ? ` AND o.quoted_at <= ${cx.st.param(before.toISOString(), "timestamptz")}` : "";
    return {
      sql: `(SELECT coalesce(json_agg(${node.sql} ORDER BY ${q}.quoted_at DESC), '[]'::json)
               FROM (SELECT * FROM odds_quotes o WHERE o.odds_id = ${t}.odds_id${until}
                      ORDER BY o.quoted_at DESC LIMIT ${cx.st.param(last, "int")}) ${q})`,
      finish: finishList(node.finish),
    };
  },
});

defineFields(OddsQuoteSpec, {
  id: idText("quote_id"),
  ...sameNamed(column, "source bookmaker"),
  ...sameNamed(decimal, "line price"),
  ...sameNamed(dateTime, "quotedAt fetchedAt lastSeenAt"),
  market: column("market_name"),
  outcome: column("outcome_name"),
});

defineFields(RecommendationSpec, {
  id: idText("recommendation_id"),
  ...sameNamed(column, "sport gameId marketId side status"),
  ...sameNamed(decimal, "confidence edge recommendedStake expectedValue"),
  ...sameNamed(dateTime, "generatedAt expiresAt"),
  game: oneOf(GameSpec, (a, t) => [`${a}.game_id = ${t}.game_id`]),
  type: column("recommendation_type"),
});

defineFields(PlacedBetSpec, {
  id: column("bet_id"),
  ...sameNamed(column, "gameId marketId marketTitle bookmaker outcome status tradingMode venue contracts"),
  ...sameNamed(
    decimal,
    "stake odds openingOdds potentialPayout result fees minOdds closingOdds closingProbability clv clvConsensus",
  ),
  createdAt: dateTime("created_at"),
  game: oneOf(GameSpec, (a, t) => [`${a}.game_id = ${t}.game_id`]),
  placedAt: dateTime("placed_time_utc"),
  marketCloseTime: dateTime("market_close_time_utc"),
  recommendationId: idText("recommendation_id"),
});
