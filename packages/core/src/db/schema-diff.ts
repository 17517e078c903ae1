// Differences between the expected catalog (the Prisma schema) and the live one, and between the
// live one and the seed's required keys and indexes, each said in plain words.
import { type Catalog, type CatalogIndex, type CatalogTable, sameColumns } from "./catalog.ts";
import type { SeedRequirement } from "./seed-requirements.ts";

export type DifferenceKind =
  | "missing_table"
  | "missing_column"
  | "column_type"
  | "column_nullability"
  | "column_default"
  | "unexpected_column"
  | "missing_index"
  | "index_name"
  | "unexpected_index"
  | "missing_foreign_key"
  | "foreign_key_name"
  | "seed_requirement";

export interface Difference {
  kind: DifferenceKind;
  table: string;
  /** The column, index or constraint concerned, e.g. `column line`, `index (sport, game_date)`. */
  object: string;
  expected: string;
  found: string;
}

export function describeDifference(d: Difference): string {
  return `${d.table}: ${d.object}: expected ${d.expected}, found ${d.found}`;
}

const cols = (c: string[]) => `(${c.join(", ")})`;
const indexLabel = (i: CatalogIndex) =>
  `${i.primary ? "primary key" : i.unique ? "unique index" : "index"} ${cols(i.columns)}`;
const sameIndex = (a: CatalogIndex, b: CatalogIndex) =>
  a.unique === b.unique && a.primary === b.primary && sameColumns(a.columns, b.columns);

export function compareCatalogs(expected: Catalog, live: Catalog): Difference[] {
  const out: Difference[] = [];
  for (const exp of expected.values()) {
    const got = live.get(exp.name);
    if (!got) {
      out.push({
        kind: "missing_table",
        table: exp.name,
        object: "table",
        expected: "present",
        found: "missing",
      });
      continue;
    }
    out.push(...compareColumns(exp, got), ...compareIndexes(exp, got), ...compareForeignKeys(exp, got));
  }
  return out;
}

function compareColumns(exp: CatalogTable, got: CatalogTable): Difference[] {
  const out: Difference[] = [];
  const table = exp.name;
  for (const c of exp.columns) {
    const g = got.columns.find((x) => x.name === c.name);
    const object = `column ${c.name}`;
    if (!g) {
      out.push({ kind: "missing_column", table, object, expected: c.type, found: "missing" });
      continue;
    }
    if (g.type !== c.type) out.push({ kind: "column_type", table, object, expected: c.type, found: g.type });
    if (g.notNull !== c.notNull) {
      const word = (n: boolean) => (n ? "NOT NULL" : "nullable");
      out.push({
        kind: "column_nullability",
        table,
        object,
        expected: word(c.notNull),
        found: word(g.notNull),
      });
    }
    if (g.default !== c.default) {
      out.push({
        kind: "column_default",
        table,
        object,
        expected: `default ${c.default ?? "none"}`,
        found: `default ${g.default ?? "none"}`,
      });
    }
  }
  for (const g of got.columns) {
    if (!exp.columns.some((c) => c.name === g.name)) {
      out.push({
        kind: "unexpected_column",
        table,
        object: `column ${g.name}`,
        expected: "no such column",
        found: g.type,
      });
    }
  }
  return out;
}

function compareIndexes(exp: CatalogTable, got: CatalogTable): Difference[] {
  const out: Difference[] = [];
  const table = exp.name;
  const matched = new Set<CatalogIndex>();
  for (const i of exp.indexes) {
    const byName = got.indexes.find((g) => g.name === i.name && sameIndex(g, i));
    const byShape = byName ?? got.indexes.find((g) => !matched.has(g) && sameIndex(g, i));
    if (!byShape) {
      out.push({
        kind: "missing_index",
        table,
        object: indexLabel(i),
        expected: `present as "${i.name}"`,
        found: "missing",
      });
      continue;
    }
    matched.add(byShape);
    if (byShape.name !== i.name) {
      out.push({
        kind: "index_name",
        table,
        object: indexLabel(i),
        expected: `name "${i.name}"`,
        found: `"${byShape.name}"`,
      });
    }
  }
  for (const g of got.indexes) {
    if (!matched.has(g))
      out.push({
        kind: "unexpected_index",
        table,
        object: indexLabel(g),
        expected: "no such index",
        found: `"${g.name}"`,
      });
  }
  return out;
}

function compareForeignKeys(exp: CatalogTable, got: CatalogTable): Difference[] {
  const out: Difference[] = [];
  for (const f of exp.foreignKeys) {
    const object = `foreign key ${cols(f.columns)} -> ${f.refTable}${cols(f.refColumns)}`;
    const g = got.foreignKeys.find(
      (x) =>
        sameColumns(x.columns, f.columns) &&
        x.refTable === f.refTable &&
        sameColumns(x.refColumns, f.refColumns),
    );
    if (!g)
      out.push({
        kind: "missing_foreign_key",
        table: exp.name,
        object,
        expected: "present",
        found: "missing",
      });
    else if (g.name !== f.name)
      out.push({
        kind: "foreign_key_name",
        table: exp.name,
        object,
        expected: `name "${f.name}"`,
        found: `"${g.name}"`,
      });
  }
  return out;
}

/** The seed's requirements: an index requirement is met by any index that starts with its columns. */
export function checkSeedRequirements(live: Catalog, requirements: SeedRequirement[]): Difference[] {
  const out: Difference[] = [];
  for (const r of requirements) {
    const t = live.get(r.table);
    const label = `${r.kind.replace("_", " ")} ${cols(r.columns)}${r.kind === "foreign_key" ? ` -> ${r.refTable}${cols(r.refColumns)}` : ""}`;
    const miss = () =>
      out.push({
        kind: "seed_requirement",
        table: r.table,
        object: label,
        expected: "present (seed schema)",
        found: "missing",
      });
    if (!t) continue; // reported as a missing table already
    switch (r.kind) {
      case "primary_key":
        if (!t.indexes.some((i) => i.primary && sameColumns(i.columns, r.columns))) miss();
        break;
      case "unique":
        if (!t.indexes.some((i) => i.unique && sameColumns(i.columns, r.columns))) miss();
        break;
      case "index":
        if (!t.indexes.some((i) => sameColumns(i.columns.slice(0, r.columns.length), r.columns))) miss();
        break;
      case "foreign_key":
        if (!t.foreignKeys.some((f) => sameColumns(f.columns, r.columns) && f.refTable === r.refTable))
          miss();
        break;
    }
  }
  return out;
}
