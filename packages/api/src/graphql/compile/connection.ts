// Relay connections as @pothos/plugin-prisma resolves them, in one SQL expression: the page (one
// row more than asked, to know whether another page exists), `after`/`before` as Prisma 7 pages
// by cursor (its SQL condition, null-tolerant comparisons on the order columns against the cursor
// row, then in JS the rows after the cursor row), `totalCount` over the filter alone, and
// pageInfo as plugin-prisma's wrapConnectionResult computes it. Arguments the resolvers would
// refuse decline.
import { decodeBase64, decodeCursorChunk } from "@pothos/core";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination.ts";
import {
  type CompileContext,
  type Compiled,
  compileFields,
  type Finish,
  finishList,
  finishObject,
  type ObjectSpec,
  type RowKey,
  type RowSpec,
} from "./object.ts";
import { type SelectedField, subfields } from "./selection.ts";
import { cursorText, jsonObject, literal } from "./sql.ts";

export interface OrderTerm {
  column: string;
  desc: boolean;
  /** `DESC NULLS LAST` (Prisma's `nulls: "last"`); otherwise PostgreSQL's default for the direction. */
  nullsLast?: boolean;
  nullable: boolean;
}

export interface ConnectionSpec {
  /** The rows paged; their key is the `cursor` column of the prismaConnection. */
  node: RowSpec;
  /** The resolver's orderBy; its last term is the key. */
  order: readonly OrderTerm[];
  /** The filter's conditions on a row (alias `a`); none: every row. */
  where: (a: string, cx: CompileContext) => string[];
}

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** The key value of a cursor the resolvers would accept, or undefined (decline). */
function decodeCursor(cursor: string, tag: RowKey["tag"]): unknown {
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith("GPC:")) return undefined;
    const value = decodeCursorChunk(decoded.slice(4));
    if (tag === "S") return typeof value === "string" ? value : undefined;
    if (tag === "N") return Number.isSafeInteger(value) ? value : undefined;
    return typeof value === "bigint" ? value.toString() : undefined;
  } catch {
    return undefined;
  }
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

function orderSql(order: readonly OrderTerm[], a: string, backward: boolean): string {
  return order
    .map((term) => {
      const desc = term.desc !== backward;
      const nulls = term.nullsLast ? (backward ? " NULLS FIRST" : " NULLS LAST") : "";
      return `${a}.${term.column} ${desc ? "DESC" : "ASC"}${nulls}`;
    })
    .join(", ");
}

/** Prisma's cursor condition: rows from the cursor row on in page order, NULLs let through. */
function cursorCondition(spec: ConnectionSpec, a: string, cursorParam: string, backward: boolean): string {
  const cur = (column: string) =>
    `(SELECT c.${column} FROM ${spec.node.table} c WHERE c.${spec.node.key.column} = ${cursorParam})`;
  const compare = (term: OrderTerm, op: string) => {
    const test = `${a}.${term.column} ${op} ${cur(term.column)}`;
    return term.nullable ? `(${test} OR ${a}.${term.column} IS NULL OR ${cur(term.column)} IS NULL)` : test;
  };
  const branches = spec.order.map((term, i) => {
    const after = term.desc !== backward ? "<" : ">";
    const equal = spec.order.slice(0, i).map((t) => compare(t, "="));
    const last = i === spec.order.length - 1;
    return `(${[...equal, compare(term, last ? `${after}=` : after)].join(" AND ")})`;
  });
  return `(${branches.join(" OR ")})`;
}

/** A connection field: `spec` filtered, ordered and paged by the field's arguments. */
export function compileConnection(
  spec: ConnectionSpec,
  field: SelectedField,
  cx: CompileContext,
): Compiled | null {
  const args = field.args as PageArgs;
  const { first, last, after, before } = args;
  for (const size of [first, last]) if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) return null;
  if ((before && after) || (before != null && first != null) || (after != null && last != null)) return null;
  const fields = subfields(field, cx.scope);
  if (!fields) return null;

  const backward = before != null || last != null;
  const cursor = before ?? after;
  const size = Math.min(first ?? last ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const keyValue = cursor != null ? decodeCursor(cursor, spec.node.key.tag) : null;
  if (keyValue === undefined) return null;

  const pieces: [string, string][] = [];
  const steps: [string, Finish][] = [];
  let page: string | null = null;
  const p = cx.st.alias();
  const pageRow = cx.st.alias();
  const keyCursor = cursorText(`${pageRow}.${spec.node.key.column}`, spec.node.key.tag);
  const kept = `${pageRow}.rn <= ${size}`;
  /** Whether the page read one row more than its size: there is another page that way. */
  const gotFull = `count(*) = ${size + 1}`;
  const ensurePage = () => {
    if (page) return;
    const conditions = spec.where(p, cx);
    const order = orderSql(spec.order, p, backward);
    // The page is read with a plain ORDER BY ... LIMIT (an index scan or a top-N sort), and only
    // its size + 1 rows are numbered.
    const q = cx.st.alias();
    let rows: string;
    const lead = spec.order[0]!;
    if (keyValue === null && lead.nullsLast) {
      // `x DESC NULLS LAST` matches no btree scan: read the non-NULL rows (by the index on x, in
      // its own NULLS FIRST order, the same when there are no NULLs) and the NULL rows apart.
      const plain = orderSql([{ ...lead, nullsLast: false }, ...spec.order.slice(1)], p, backward);
      const half = (test: string, by: string) =>
        `(SELECT ${p}.* FROM ${spec.node.table} ${p} ${where([...conditions, `${p}.${lead.column} ${test}`])}
           ORDER BY ${by} LIMIT ${size + 1})`;
      const u = cx.st.alias();
      rows = `SELECT ${u}.* FROM (${half("IS NOT NULL", plain)} UNION ALL ${half("IS NULL", order)}) ${u}
               ORDER BY ${orderSql(spec.order, u, backward)} LIMIT ${size + 1}`;
    } else if (keyValue === null) {
      rows = `SELECT ${p}.* FROM ${spec.node.table} ${p} ${where(conditions)} ORDER BY ${order} LIMIT ${size + 1}`;
    } else {
      // Prisma reads the rows its cursor condition lets through, then pages in JS from the cursor
      // row: the rows after it (none when the filter left it out), `size + 1` of them.
      const key = cx.st.param(keyValue, spec.node.key.type);
      conditions.push(cursorCondition(spec, p, key, backward));
      const c = cx.st.alias();
      rows = `SELECT ${c}.* FROM (
                SELECT ${p}.*, count(*) FILTER (WHERE ${p}.${spec.node.key.column} = ${key})
                         OVER (ORDER BY ${order} ROWS UNBOUNDED PRECEDING) AS seen_cursor
                  FROM ${spec.node.table} ${p} ${where(conditions)}) ${c}
               WHERE ${c}.seen_cursor > 0 AND ${c}.${spec.node.key.column} <> ${key}
               ORDER BY ${orderSql(spec.order, c, backward)} LIMIT ${size + 1}`;
    }
    page = `(SELECT ${q}.*, row_number() OVER (ORDER BY ${orderSql(spec.order, q, backward)}) AS rn
               FROM (${rows}) ${q}) ${pageRow}`;
  };
  // Page rows in response order: forward pages count up from the cursor, backward ones down to it.
  const inOrder = backward ? `${pageRow}.rn DESC` : `${pageRow}.rn`;
  const reversed = backward ? `${pageRow}.rn` : `${pageRow}.rn DESC`;

  for (const f of fields) {
    if (f.name === "__typename") {
      pieces.push([f.key, literal(field.objectType!.name)]);
    } else if (f.name === "totalCount") {
      const c = cx.st.alias();
      pieces.push([f.key, `(SELECT count(*)::int FROM ${spec.node.table} ${c} ${where(spec.where(c, cx))})`]);
    } else if (f.name === "edges") {
      ensurePage();
      const edgeFields = subfields(f, cx.scope);
      const edge = edgeFields && compileEdge(spec, pageRow, keyCursor, f, edgeFields, cx);
      if (!edge) return null;
      const finishEdges = finishList(edge.finish);
      if (finishEdges) steps.push([f.key, finishEdges]);
      pieces.push([
        f.key,
        `coalesce(json_agg(${edge.sql} ORDER BY ${inOrder}) FILTER (WHERE ${kept}), '[]'::json)`,
      ]);
    } else if (f.name === "pageInfo") {
      const info = subfields(f, cx.scope);
      if (!info) return null;
      // pageInfo as plugin-prisma's wrapConnectionResult sets it.
      const infoPairs: [string, string][] = [];
      for (const i of info) {
        if (i.name === "__typename") infoPairs.push([i.key, literal("PageInfo")]);
        else if (i.name === "hasNextPage") {
          const value = before != null ? "true" : last != null ? "false" : gotFull;
          if (value === gotFull) ensurePage();
          infoPairs.push([i.key, value]);
        } else if (i.name === "hasPreviousPage") {
          const value = after != null ? "true" : backward ? gotFull : "false";
          if (value === gotFull) ensurePage();
          infoPairs.push([i.key, value]);
        } else {
          ensurePage();
          const order = i.name === "startCursor" ? inOrder : reversed;
          infoPairs.push([i.key, `(array_agg(${keyCursor} ORDER BY ${order}) FILTER (WHERE ${kept}))[1]`]);
        }
      }
      pieces.push([f.key, jsonObject(infoPairs)]);
    } else {
      return null;
    }
  }

  // The connection is built whole by PostgreSQL; JS only finishes nodes that need it.
  const sql = jsonObject(pieces);
  return { sql: page ? `(SELECT ${sql} FROM ${page})` : `(SELECT ${sql})`, finish: finishObject(steps) };
}

function compileEdge(
  spec: ConnectionSpec,
  pageRow: string,
  keyCursor: string,
  field: SelectedField,
  fields: SelectedField[],
  cx: CompileContext,
): Compiled | null {
  const edgeSpec: ObjectSpec<string> = {
    typeName: field.objectType!.name,
    fields: {
      cursor: () => ({ sql: keyCursor }),
      node: (t, f, c) => {
        const nodeFields = subfields(f, c.scope);
        return nodeFields && compileFields(spec.node, t, nodeFields, c);
      },
    },
  };
  return compileFields(edgeSpec, pageRow, fields, cx);
}
