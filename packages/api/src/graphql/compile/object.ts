// How a selection on one GraphQL object type becomes one SQL expression that yields its JSON, as
// the response has it (keys are the response keys, in document order). Each type the compiler
// covers is an ObjectSpec: one FieldCompiler per field. A field a spec does not list (or one that
// declines, e.g. for an argument it does not handle) makes the whole operation use the resolvers.
import type { SportCatalog } from "../sport-catalog.ts";
import { type SelectedField, type SelectionScope, subfields } from "./selection.ts";
import { dateTimeText, decimalText, jsonObject, literal, MAX_OBJECT_KEYS, type Statement } from "./sql.ts";

/** An SQL expression yielding a field's JSON value, and the JS step (if any) that completes it. */
export interface Compiled {
  sql: string;
  /** Applied to the parsed JSON value; absent when PostgreSQL's JSON is already the response. */
  finish?: Finish;
}

export type Finish = (value: unknown) => unknown;

export interface CompileContext {
  st: Statement;
  scope: SelectionScope;
  sports: SportCatalog;
  /** Today in UTC (YYYY-MM-DD), for fields whose default day is today. */
  today: string;
}

/**
 * Compiles one field of a type, reading from `src` (a table alias for row-backed types, or the
 * expressions a derived type is made of). Null: not covered, use the resolvers.
 */
export type FieldCompiler<S> = (src: S, field: SelectedField, cx: CompileContext) => Compiled | null;

export interface ObjectSpec<S> {
  /** The GraphQL type it compiles (for `__typename`). */
  typeName: string;
  fields: Record<string, FieldCompiler<S>>;
}

/**
 * A spec whose fields `defineFields` fills in later: specs refer to each other (odds have a game).
 * Its source is a table alias unless said otherwise.
 */
export const objectSpec = <S = string>(typeName: string): ObjectSpec<S> => ({ typeName, fields: {} });

/** The key column of a row-backed type, with the cursor tag and SQL type its connections page by. */
export interface RowKey {
  column: string;
  tag: "S" | "N" | "I";
  type: "text" | "int" | "bigint";
}

/** A type whose values are the rows of one table (the source is the row's alias), and their key. */
export interface RowSpec extends ObjectSpec<string> {
  table: string;
  key: RowKey;
}

/** A row-backed spec, its fields filled in later by `defineFields`. */
export const rowSpec = (typeName: string, table: string, key: RowKey): RowSpec => ({
  ...objectSpec(typeName),
  table,
  key,
});

/** Fills in a spec's fields, each checked against the spec's source. */
export function defineFields<S>(spec: ObjectSpec<S>, fields: Record<string, FieldCompiler<S>>): void {
  Object.assign(spec.fields, fields);
}

/** Applies `finish` to each key that has one; keeps PostgreSQL's object otherwise. */
export function finishObject(steps: readonly (readonly [string, Finish])[]): Finish | undefined {
  if (steps.length === 0) return undefined;
  return (value) => {
    if (value === null || value === undefined) return null;
    const obj = value as Record<string, unknown>;
    for (const [key, finish] of steps) obj[key] = finish(obj[key]);
    return obj;
  };
}

export function finishList(finish: Finish | undefined): Finish | undefined {
  if (!finish) return undefined;
  return (value) => {
    if (!Array.isArray(value)) return value;
    for (let i = 0; i < value.length; i++) value[i] = finish(value[i]);
    return value;
  };
}

/** The JSON object of `fields` selected on a `spec` value read from `src`. */
export function compileFields<S>(
  spec: ObjectSpec<S>,
  src: S,
  fields: readonly SelectedField[],
  cx: CompileContext,
): Compiled | null {
  if (fields.length > MAX_OBJECT_KEYS) return null;
  const pairs: [string, string][] = [];
  const steps: [string, Finish][] = [];
  for (const field of fields) {
    if (field.name === "__typename") {
      pairs.push([field.key, literal(spec.typeName)]);
      continue;
    }
    const compileField = Object.hasOwn(spec.fields, field.name) ? spec.fields[field.name] : undefined;
    const compiled = compileField?.(src, field, cx);
    if (!compiled) return null;
    pairs.push([field.key, compiled.sql]);
    if (compiled.finish) steps.push([field.key, compiled.finish]);
  }
  return { sql: jsonObject(pairs), finish: finishObject(steps) };
}

/** The object a field selects, read from `src`. */
export function compileObject<S>(
  spec: ObjectSpec<S>,
  src: S,
  field: SelectedField,
  cx: CompileContext,
): Compiled | null {
  const fields = subfields(field, cx.scope);
  return fields && compileFields(spec, src, fields, cx);
}

// ---- fields of row-backed types (the source is the table alias) -----------------------------

/** A column as it is: text, integers, booleans and DATE (PostgreSQL's JSON writes YYYY-MM-DD). */
export const column =
  (name: string): FieldCompiler<string> =>
  (t) => ({ sql: `${t}.${name}` });

/** A DECIMAL column, as the exact string of its scale. */
export const decimal =
  (name: string): FieldCompiler<string> =>
  (t) => ({ sql: decimalText(`${t}.${name}`) });

/** A timestamptz column, as the DateTime scalar serialises it. */
export const dateTime =
  (name: string): FieldCompiler<string> =>
  (t) => ({ sql: dateTimeText(`${t}.${name}`) });

/** An integer key exposed as an ID (IDs serialise as strings). */
export const idText =
  (name: string): FieldCompiler<string> =>
  (t) => ({ sql: `${t}.${name}::text` });

/**
 * Fields of one kind, each read from its column of the same name in snake_case:
 * `...sameNamed(decimal, "stake openingOdds")` is `stake: decimal("stake")` and
 * `openingOdds: decimal("opening_odds")`. A field named otherwise than its column is listed alone.
 */
export function sameNamed(
  kind: (column: string) => FieldCompiler<string>,
  fields: string,
): Record<string, FieldCompiler<string>> {
  return Object.fromEntries(
    fields.split(" ").map((field) => [field, kind(field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))]),
  );
}

/**
 * The conditions joining a related table (alias `a`) to its parent row (alias `t`), with the
 * field's own filters; null declines (an argument the compiler does not handle).
 */
export type RelationWhere = (
  a: string,
  t: string,
  field: SelectedField,
  cx: CompileContext,
) => string[] | null;

/**
 * One row as an object, `(SELECT <object> FROM <from>)`: `from` gets the row's alias and says where
 * the row comes from (a table and its condition, a subquery, an ORDER BY ... LIMIT 1).
 */
export function rowObject(
  spec: ObjectSpec<string>,
  field: SelectedField,
  cx: CompileContext,
  from: (alias: string) => string,
): Compiled | null {
  const a = cx.st.alias();
  const node = compileObject(spec, a, field, cx);
  return node && { sql: `(SELECT ${node.sql} FROM ${from(a)})`, finish: node.finish };
}

/** A relation's rows: the related object (`many` false) or the JSON array of them in `orderBy` order. */
function relation(
  spec: RowSpec,
  where: RelationWhere,
  orderBy?: (a: string) => string,
): FieldCompiler<string> {
  return (t, field, cx) => {
    const a = cx.st.alias();
    const conditions = where(a, t, field, cx);
    const node = conditions && compileObject(spec, a, field, cx);
    if (!node) return null;
    const from = `FROM ${spec.table} ${a} WHERE ${conditions!.join(" AND ")}`;
    return orderBy
      ? {
          sql: `(SELECT coalesce(json_agg(${node.sql} ORDER BY ${orderBy(a)}), '[]'::json) ${from})`,
          finish: finishList(node.finish),
        }
      : { sql: `(SELECT ${node.sql} ${from})`, finish: node.finish };
  };
}

/** A one-to-many relation: the JSON array of the related rows, in `orderBy` order. */
export const listOf = (
  spec: RowSpec,
  where: RelationWhere,
  orderBy: (a: string) => string,
): FieldCompiler<string> => relation(spec, where, orderBy);

/** A many-to-one relation: the related row's object, or null. */
export const oneOf = (spec: RowSpec, where: RelationWhere): FieldCompiler<string> => relation(spec, where);
