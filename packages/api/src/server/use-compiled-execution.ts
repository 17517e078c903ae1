// How the API executes an operation. A query the SQL compiler covers (graphql/compile/) costs one
// named prepared statement and runs no resolver at all; anything else (mutations, fields the
// compiler does not cover, arguments it leaves to the resolvers, a statement that fails) runs on
// the Pothos resolvers with yoga's own executor. Compiled operations are cached per parsed
// document (yoga's parser cache hands back the same DocumentNode for the same text) and variable
// values, so a repeated operation compiles nothing.
//
// graphql-jit was tried for the resolver path and left out: its resolve info builds a new `path`
// object per access, and @pothos/plugin-prisma finds the rows a parent preloaded by the identity
// of `info.path`, so every nested relation fell back to an extra query per level.
import { createHash } from "node:crypto";
import { normalizedExecutor } from "@graphql-tools/executor";
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { type CompiledOperation, compileOperation } from "../graphql/compile/operation.ts";
import type { SqlClient } from "../graphql/context.ts";
import type { SportCatalog } from "../graphql/sport-catalog.ts";

export interface CompiledExecutionOptions {
  sql: SqlClient;
  sports: SportCatalog;
  /** Whether covered queries run as compiled SQL; false runs every operation on the resolvers. @defaultValue true */
  compileSql?: boolean;
  /**
   * Told of every operation answered by one compiled statement without an error: the compiled
   * lane (server/compiled-lane.ts) learns the request from it.
   */
  onCompiledAnswer?: (args: ExecutionArgs, statement: PreparedStatement, compiled: CompiledOperation) => void;
}

/** A statement as the pool runs it: named (prepared once per connection) when the name is set. */
export interface PreparedStatement {
  name: string | undefined;
  text: string;
  values: unknown[];
}

/** Distinct statement texts given a name (prepared once per connection); later ones run unnamed. */
const MAX_NAMED_STATEMENTS = 1000;

/** Compiled operations kept per document, by operation name and variable values. */
const MAX_PLANS_PER_DOCUMENT = 64;

interface DocumentEntry {
  fragments: Record<string, FragmentDefinitionNode>;
  operations: Map<string, OperationDefinitionNode | null>;
  /** Null: the compiler does not cover it with these variables (use the resolvers). */
  plans: Map<string, CompiledOperation | null>;
}

function entryFor(cache: WeakMap<DocumentNode, DocumentEntry>, document: DocumentNode): DocumentEntry {
  let entry = cache.get(document);
  if (!entry) {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    entry = { fragments, operations: new Map(), plans: new Map() };
    cache.set(document, entry);
  }
  return entry;
}

/**
 * A result whose `data` is JSON text from PostgreSQL: yoga serialises a result with its own
 * `stringify` (the hook graphql-jit uses), so the text goes out as it came; `data` parses it only
 * if a plugin asks.
 */
function rawResult(json: string): ExecutionResult {
  let data: Record<string, unknown> | undefined;
  return {
    get data() {
      data ??= JSON.parse(json) as Record<string, unknown>;
      return data;
    },
    stringify: () => `{"data":${json}}`,
  } as ExecutionResult;
}

let today = "";
let todayEnds = 0;
/** Today in UTC (YYYY-MM-DD), recomputed only when a day has passed (the plans' day). */
export function todayUtc(): string {
  const now = Date.now();
  if (now >= todayEnds) {
    today = new Date(now).toISOString().slice(0, 10);
    todayEnds = (Math.floor(now / 86_400_000) + 1) * 86_400_000;
  }
  return today;
}

/** What yoga executes with when no plugin replaces it. */
const yogaExecute = (args: ExecutionArgs) =>
  normalizedExecutor(args) as Promise<ExecutionResult> | ExecutionResult;

export function createExecutor(options: CompiledExecutionOptions) {
  const documents = new WeakMap<DocumentNode, DocumentEntry>();
  const statementNames = new Map<string, string>();
  const compileSql = options.compileSql ?? true;

  const nameOf = (text: string): string | undefined => {
    let name = statementNames.get(text);
    if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
      name = `edgeline_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
      statementNames.set(text, name);
    }
    return name;
  };

  return async function execute(args: ExecutionArgs): Promise<ExecutionResult> {
    const entry = entryFor(documents, args.document);
    const name = args.operationName ?? "";
    if (!entry.operations.has(name))
      entry.operations.set(name, getOperationAST(args.document, args.operationName) ?? null);
    const operation = entry.operations.get(name);
    // Yoga's executor reports a missing or ambiguous operation; subscriptions never come here.
    if (!operation) return yogaExecute(args);
    const coerced = getVariableValues(
      args.schema,
      operation.variableDefinitions ?? [],
      args.variableValues ?? {},
      {
        maxErrors: 50,
      },
    );
    // Bad variables: yoga's executor answers them (400, graphql-js's messages), before any SQL.
    if (coerced.errors) return yogaExecute(args);
    if (compileSql && operation.operation === "query") {
      const compiled = planFor(args, entry, name, operation, coerced.coerced);
      if (compiled) {
        try {
          if (!compiled.text) return { data: compiled.data(null) };
          const statement = { name: nameOf(compiled.text), text: compiled.text, values: compiled.values };
          const { rows } = await options.sql.query<{ data: unknown }>(statement);
          const json = rows[0]?.data;
          const result = compiled.raw ? rawResult(json as string) : { data: compiled.data(json) };
          options.onCompiledAnswer?.(args, statement, compiled);
          return result;
        } catch {
          // e.g. graphile-worker's schema not migrated yet (42P01): the resolvers know what that
          // means, and any other failure is theirs to report (masked) as well.
        }
      }
    }
    return yogaExecute(args);
  };

  function planFor(
    args: ExecutionArgs,
    entry: DocumentEntry,
    name: string,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): CompiledOperation | null {
    // The plan depends on the variables and on today's date (fields that default to today).
    const vars = args.variableValues;
    const key = `${name}\u0000${todayUtc()}\u0000${vars && Object.keys(vars).length ? JSON.stringify(vars) : ""}`;
    const cached = entry.plans.get(key);
    if (cached !== undefined) return cached;
    let plan: CompiledOperation | null = null;
    try {
      plan = compileOperation({
        schema: args.schema,
        operation,
        fragments: entry.fragments,
        variables,
        sports: options.sports,
      });
    } catch {
      plan = null; // an argument shape the compiler did not foresee: the resolvers decide
    }
    if (entry.plans.size >= MAX_PLANS_PER_DOCUMENT)
      entry.plans.delete(entry.plans.keys().next().value as string);
    entry.plans.set(key, plan);
    return plan;
  }
}

/** Yoga plugin: every execution goes through the compiled executor. */
export function useCompiledExecution(options: CompiledExecutionOptions): Plugin {
  const execute = createExecutor(options);
  return {
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute as never);
    },
  };
}
