// The pieces of SQL text the compiler writes: parameters, table aliases, and the expressions that
// give a column its GraphQL serialisation inside PostgreSQL (so rows become the response as they
// are). Values always travel as parameters; only names the compiler itself chose are inlined.

/** One statement being written: its parameters and the table aliases used so far. */
export class Statement {
  readonly values: unknown[] = [];
  private aliases = 0;

  /** A parameter placeholder with an explicit type (`$3::date`), so plans do not guess. */
  param(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }

  /** A fresh table alias (t1, t2, ...): nested subqueries never shadow their parent's. */
  alias(): string {
    this.aliases += 1;
    return `t${this.aliases}`;
  }
}

/** A string constant the compiler chose (a type or key name), quoted as an SQL literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** An instant as GraphQL's DateTime serialises it: ISO 8601 in UTC with milliseconds. */
export function dateTimeText(expr: string): string {
  return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A DECIMAL column as the exact string of its scale ("2.1000"), as the Decimal scalar sends it. */
export function decimalText(expr: string): string {
  return `${expr}::text`;
}

/**
 * A Relay cursor as @pothos/plugin-prisma writes it: base64 of `GPC:` and the key's tagged chunk
 * (`S:` string, `N:` number, `I:` bigint). PostgreSQL wraps base64 at 76 characters; JS does not.
 */
export function cursorText(expr: string, tag: "S" | "N" | "I"): string {
  return `translate(encode(convert_to('GPC:${tag}:' || ${expr}, 'UTF8'), 'base64'), E'\\n', '')`;
}

/** A JSON object of `[key, expression]` pairs, in order (json, not jsonb: keys keep their order). */
export function jsonObject(pairs: readonly (readonly [string, string])[]): string {
  return `json_build_object(${pairs.map(([k, v]) => `${literal(k)}, ${v}`).join(", ")})`;
}

/** json_build_object takes at most 100 arguments: 50 keys. Wider selections use the resolvers. */
export const MAX_OBJECT_KEYS = 50;
