// A plain description of the tables in one PostgreSQL schema, read from pg_catalog: what `db check`
// compares and what adoption repairs. Indexes and keys are identified by their columns, not their
// names, because the original system's schema manager let PostgreSQL choose the names.
import type pg from "pg";

export interface CatalogColumn {
  name: string;
  /** As `format_type` prints it: `character varying`, `numeric(10,4)`, `timestamp with time zone`. */
  type: string;
  notNull: boolean;
  default: string | null;
}

export interface CatalogIndex {
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
}

export type Catalog = Map<string, CatalogTable>;

type Queryable = Pick<pg.ClientBase, "query">;

export async function readCatalog(db: Queryable, schema = "public"): Promise<Catalog> {
  const catalog: Catalog = new Map();
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r','p') ORDER BY 1`,
    [schema],
  );
  for (const { name } of tables.rows) catalog.set(name, { name, columns: [], indexes: [], foreignKeys: [] });

  const columns = await db.query<{
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    default: string | null;
  }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = $1 AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
    [schema],
  );
  for (const r of columns.rows) {
    catalog.get(r.table)?.columns.push({
      name: r.name,
      type: r.type,
      notNull: r.not_null,
      default: normaliseDefault(r.default),
    });
  }

  const indexes = await db.query<{
    table: string;
    name: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
  }>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
     FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 ORDER BY 1, 2`,
    [schema],
  );
  for (const r of indexes.rows)
    catalog
      .get(r.table)
      ?.indexes.push({ name: r.name, columns: r.columns, unique: r.unique, primary: r.primary });

  const fks = await db.query<{
    table: string;
    name: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
  }>(
    `SELECT t.relname AS table, con.conname AS name, rt.relname AS ref_table,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
     FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class rt ON rt.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND con.contype = 'f' ORDER BY 1, 2`,
    [schema],
  );
  for (const r of fks.rows) {
    catalog.get(r.table)?.foreignKeys.push({
      name: r.name,
      columns: r.columns,
      refTable: r.ref_table,
      refColumns: r.ref_columns,
    });
  }
  return catalog;
}

/** Sequence defaults name their schema and sequence; compare them as "a sequence". */
function normaliseDefault(expr: string | null): string | null {
  if (expr === null) return null;
  if (/^nextval\(/.test(expr)) return "nextval(sequence)";
  return expr;
}

export const sameColumns = (a: string[], b: string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);
