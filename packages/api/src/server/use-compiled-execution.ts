// How the API executes an operation. A query the SQL compiler covers (graphql/compile/) costs one
// named prepared statement and no resolver; anything else (mutations, fields the compiler does
// not cover, arguments it leaves to the resolvers, a statement that fails) runs on the Pothos
// resolvers through graphql-jit. Both are cached per parsed document (yoga's parser cache hands
// back the same DocumentNode for the same text), so a repeated operation compiles nothing.
import { createHash } from "node:crypto";
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute as executeGraphql,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { Plugin } from "graphql-yoga";
import { compileOperation } from "../graphql/compile/operation.ts";
import type { SqlClient } from "../graphql/context.ts";
import type { SportCatalog } from "../graphql/sport-catalog.ts";

export interface CompiledExecutionOptions {
  sql: SqlClient;
  sports: SportCatalog;
  /** Whether covered queries run as compiled SQL; false runs every operation on the resolvers. @defaultValue true */
  compileSql?: boolean;
}

/** Distinct statement texts given a name (prepared once per connection); later ones run unnamed. */
const MAX_NAMED_STATEMENTS = 1000;

interface DocumentEntry {
  fragments: Record<string, FragmentDefinitionNode>;
  operations: Map<string, OperationDefinitionNode | null>;
  jit: Map<string, CompiledQuery | null>;
}

function entryFor(cache: WeakMap<DocumentNode, DocumentEntry>, document: DocumentNode): DocumentEntry {
  let entry = cache.get(document);
  if (!entry) {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    entry = { fragments, operations: new Map(), jit: new Map() };
    cache.set(document, entry);
  }
  return entry;
}

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

  const jitFor = (schema: GraphQLSchema, document: DocumentNode, entry: DocumentEntry, name: string) => {
    if (!entry.jit.has(name)) {
      const compiled = compileQuery(schema, document, name || undefined, {
        // Pothos' scalars serialise as the resolvers expect; keep graphql-js's JSON.stringify.
        customJSONSerializer: false,
      });
      entry.jit.set(name, isCompiledQuery(compiled) ? compiled : null);
    }
    return entry.jit.get(name) ?? null;
  };

  /** Runs an operation on the resolvers: graphql-jit, or graphql-js where jit cannot compile it. */
  const onResolvers = (args: ExecutionArgs, entry: DocumentEntry, name: string) => {
    const jit = jitFor(args.schema, args.document, entry, name);
    if (!jit) return executeGraphql(args);
    return jit.query(args.rootValue, args.contextValue, args.variableValues ?? {});
  };

  return async function execute(args: ExecutionArgs): Promise<ExecutionResult> {
    const entry = entryFor(documents, args.document);
    const name = args.operationName ?? "";
    if (!entry.operations.has(name))
      entry.operations.set(name, getOperationAST(args.document, args.operationName) ?? null);
    const operation = entry.operations.get(name);
    // graphql-js reports a missing or ambiguous operation, and subscriptions never come here.
    if (!operation) return executeGraphql(args);
    const coerced = getVariableValues(
      args.schema,
      operation.variableDefinitions ?? [],
      args.variableValues ?? {},
      {
        maxErrors: 50,
      },
    );
    if (coerced.errors) return { errors: coerced.errors };
    if (compileSql && operation.operation === "query") {
      let compiled: ReturnType<typeof compileOperation> = null;
      try {
        compiled = compileOperation({
          schema: args.schema,
          operation,
          fragments: entry.fragments,
          variables: coerced.coerced,
          sports: options.sports,
        });
      } catch {
        compiled = null; // an argument shape the compiler did not foresee: the resolvers decide
      }
      if (compiled) {
        try {
          if (!compiled.text) return { data: compiled.data(null) };
          const { rows } = await options.sql.query<{ data: unknown }>({
            name: nameOf(compiled.text),
            text: compiled.text,
            values: compiled.values,
          });
          return { data: compiled.data(rows[0]?.data) };
        } catch {
          // e.g. graphile-worker's schema not migrated yet (42P01): the resolvers know what that
          // means, and any other failure is theirs to report (masked) as well.
        }
      }
    }
    return onResolvers(args, entry, name);
  };
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
