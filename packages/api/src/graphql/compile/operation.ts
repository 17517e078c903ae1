// A query operation as one SQL statement: each root field the compiler covers becomes one key of a
// single JSON value (data), built by PostgreSQL from the selection; fields computed in JS (the
// loaded sports, the Elo model's probabilities) are filled in after. Null when any field of the
// operation is not covered: the operation then runs on the resolvers, unchanged.
import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { SportCatalog } from "../sport-catalog.ts";
import type { CompileContext, Finish } from "./object.ts";
import { ROOTS } from "./roots.ts";
import { selectFields } from "./selection.ts";
import { jsonObject, MAX_OBJECT_KEYS, Statement } from "./sql.ts";

export interface CompiledOperation {
  /** The statement, or null when every field is computed in JS. */
  text: string | null;
  values: unknown[];
  /**
   * True when PostgreSQL's JSON is the whole `data` as it is (nothing computed in JS): the
   * statement then returns it as text, sent to the client without being parsed or re-serialised.
   */
  raw: boolean;
  /** The response's `data` from the statement's one value (the JSON of the covered root fields). */
  data(json: unknown): Record<string, unknown>;
}

export interface CompileInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Coerced variable values (as graphql-js gives resolvers). */
  variables: Record<string, unknown>;
  sports: SportCatalog;
}

type Part = { key: string; value: unknown } | { key: string; finish?: Finish };

export function compileOperation(input: CompileInput): CompiledOperation | null {
  const { schema, operation } = input;
  const queryType = schema.getQueryType();
  if (operation.operation !== "query" || !queryType) return null;
  const scope = { fragments: input.fragments, variables: input.variables };
  const fields = selectFields(queryType, [operation.selectionSet], scope);
  if (!fields || fields.length > MAX_OBJECT_KEYS) return null;
  const cx: CompileContext = {
    st: new Statement(),
    scope,
    sports: input.sports,
    today: new Date().toISOString().slice(0, 10),
  };
  const parts: Part[] = [];
  const pairs: [string, string][] = [];
  for (const field of fields) {
    if (field.name === "__typename") {
      parts.push({ key: field.key, value: queryType.name });
      continue;
    }
    const compile = Object.hasOwn(ROOTS, field.name) ? ROOTS[field.name] : undefined;
    const compiled = compile?.(field, cx);
    if (!compiled) return null;
    if ("value" in compiled) {
      parts.push({ key: field.key, value: compiled.value });
    } else {
      pairs.push([field.key, compiled.sql]);
      parts.push({ key: field.key, finish: compiled.finish });
    }
  }
  const raw = pairs.length > 0 && parts.every((p) => !("value" in p) && !p.finish);
  return {
    text: pairs.length ? `SELECT ${jsonObject(pairs)}${raw ? "::text" : ""} AS data` : null,
    values: cx.st.values,
    raw,
    data(json) {
      const row = (json ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const part of parts) {
        if ("value" in part) out[part.key] = part.value;
        else out[part.key] = part.finish ? part.finish(row[part.key]) : row[part.key];
      }
      return out;
    },
  };
}
