// A fuzz test of the GraphQL API over real HTTP: for every root query and mutation, random values
// for every argument (built from the schema, so a new field is fuzzed without touching this file),
// biased towards what broke before: NUL bytes, years 0000 and 9999, numbers at and past int4,
// forged cursors, ids beyond int4, huge decimals. Arguments go as variables (JSON) or inline
// literals. The property: no response is a 5xx and no error is INTERNAL_SERVER_ERROR (yoga's
// masked "Unexpected error.": a bad input that reached the database or a resolver's bug).
import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/graphql/schema.ts";
import { type Harness, startHarness } from "./graphql-harness.ts";
import { seedGraphqlData } from "./graphql-seed.ts";

/** Cases per run: enough to reach every field many times, small enough for the suite. */
export const FUZZ_RUNS = 400;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    seed: (api) => seedGraphqlData(api.prisma, { days: 2, teams: 4, bookmakers: 1 }),
  });
});
afterAll(() => h?.close());

const b64 = (s: string) => Buffer.from(s).toString("base64");
const nasty = fc.constantFrom(
  "",
  "\u0000",
  "a\u0000b",
  "NHL\u0000",
  "9999999999",
  "2147483648",
  "-1",
  "0",
  "1e308",
  "NaN",
  "' OR 1=1 --",
  "%00",
  "\ud800",
  "x".repeat(300),
  b64("9999999999"),
  b64("-5"),
  b64("cursor:\u0000"),
  b64('{"id":"1e308"}'),
  "not base64!",
);
const days = fc.oneof(
  fc.constantFrom(
    "0000-01-01",
    "0001-01-01",
    "1899-12-31",
    "9999-12-31",
    "2025-02-30",
    "2025-10-02",
    "2025-1-1",
  ),
  fc
    .date({ min: new Date("1000-01-01"), max: new Date("3000-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const instants = fc.oneof(
  days.map((d) => `${d}T00:00:00Z`),
  fc.constantFrom("2025-10-01T25:00:00Z", "+275760-09-13T00:00:00Z", "2025-10-01T00:00:00+99:00"),
);
const decimals = fc.oneof(
  fc.constantFrom("0", "-1", "1e308", "0.0000000001", `${"9".repeat(30)}.5`, "1.5", "100", "-0"),
  fc.double({ noNaN: true }).map(String),
);
const ints = fc.oneof(
  fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648, 1_000_000),
  fc.integer({ min: -1000, max: 1000 }),
);

function scalarValue(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case "Int":
      return ints;
    case "Float":
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), ints);
    case "Boolean":
      return fc.boolean();
    case "Date":
      return fc.oneof(days, nasty);
    case "DateTime":
      return fc.oneof(instants, nasty);
    case "Decimal":
      return fc.oneof(decimals, nasty);
    case "ID":
      return fc.oneof(fc.integer({ min: 1, max: 20 }).map(String), nasty, fc.string());
    default:
      return fc.oneof(fc.constantFrom("NHL", "nba", "EPL", "moneyline"), nasty, fc.string());
  }
}

/** A value for an input type: mostly well-formed in shape, random in content. */
function inputValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputValue(type.ofType as GraphQLInputType, depth);
  const inner = nullableValue(type, depth);
  return fc.oneof({ weight: 6, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function nullableValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(inputValue(type.ofType, depth + 1), { maxLength: 4 });
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: nasty },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  if (isScalarType(type)) return scalarValue(type.name);
  return fc.constant(null);
}

/** The shallowest selection that makes a resolver run: scalars of the returned type, one level. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named)) return "{ __typename }";
  const leaves = Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  const objects = Object.values(named.getFields())
    .filter((f) => isObjectType(getNamedType(f.type)) && f.args.length === 0)
    .slice(0, 2)
    .map((f) => {
      const inner = getNamedType(f.type) as GraphQLObjectType;
      const innerLeaves = Object.values(inner.getFields())
        .filter((g) => isLeafType(getNamedType(g.type)) && g.args.length === 0)
        .map((g) => g.name);
      return `${f.name} { __typename ${innerLeaves.join(" ")} }`;
    });
  return `{ __typename ${[...leaves, ...objects].join(" ")} }`;
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

/** A GraphQL literal for a JSON value of an input type (enums bare, everything else as JSON). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return "null";
  const t = isNonNullType(type) ? (type.ofType as GraphQLInputType) : type;
  if (isListType(t) && Array.isArray(value)) return `[${value.map((v) => literal(v, t.ofType)).join(", ")}]`;
  if (isEnumType(t) && typeof value === "string" && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (isInputObjectType(t) && typeof value === "object" && !Array.isArray(value)) {
    const fields = t.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .filter(([k]) => fields[k])
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

interface Case {
  kind: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  inline: boolean;
}

function operation(c: Case): { query: string; variables: Record<string, unknown> } {
  const present = c.field.args.filter((a) => c.args[a.name] !== undefined);
  const call = (a: GraphQLArgument) =>
    `${a.name}: ${c.inline ? literal(c.args[a.name], a.type) : `$${a.name}`}`;
  const params = c.inline ? "" : present.map((a) => `$${a.name}: ${typeString(a.type)}`).join(", ");
  const args = present.length ? `(${present.map(call).join(", ")})` : "";
  const head = params ? `${c.kind} Fuzz(${params})` : `${c.kind} Fuzz`;
  return {
    query: `${head} { ${c.field.name}${args} ${selection(c.field)} }`,
    variables: c.inline ? {} : Object.fromEntries(present.map((a) => [a.name, c.args[a.name]])),
  };
}

function casesOf(kind: "query" | "mutation"): fc.Arbitrary<Case> {
  const root = kind === "query" ? schema.getQueryType() : schema.getMutationType();
  const fields = Object.values(root?.getFields() ?? {});
  return fc.oneof(
    ...fields.map((field) =>
      fc
        .tuple(
          fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputValue(a.type)])), {
            requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
          }),
          fc.boolean(),
        )
        .map(([args, inline]): Case => ({ kind, field, args, inline })),
    ),
  );
}

describe("GraphQL fuzz", () => {
  it(`answers ${FUZZ_RUNS} random operations over every root field without a 5xx or INTERNAL_SERVER_ERROR`, async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.oneof(casesOf("query"), casesOf("mutation")), async (c) => {
        const { query, variables } = operation(c);
        const res = await h.gql(query, variables, { key: c.kind === "mutation" ? "write" : "read" });
        const internal = (res.body.errors ?? []).filter(
          (e) => e.extensions?.code === "INTERNAL_SERVER_ERROR" || e.message === "Unexpected error.",
        );
        if (res.status >= 500 || internal.length > 0) {
          failures.push(
            `${res.status} ${query} ${JSON.stringify(variables)} -> ${JSON.stringify(res.body.errors)}`,
          );
          return process.env.EDGELINE_FUZZ_EXPLORE === "1";
        }
        return true;
      }),
      { numRuns: FUZZ_RUNS, seed: Number(process.env.EDGELINE_FUZZ_SEED ?? 20261203), endOnFailure: true },
    );
    expect(failures).toEqual([]);
  });
});
