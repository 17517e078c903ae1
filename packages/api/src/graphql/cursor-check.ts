// Connection cursors are opaque to clients but not to the database: a forged one (`GPC:N:` with
// a number past int4, a bigint past int8, garbage) would reach Prisma and PostgreSQL. Every
// `after`/`before` of an operation is checked here, before execution, to be a cursor of the shape
// this API issues (Pothos' `GPC:` + a tagged chunk); a cursor of another connection's key type is
// refused by Prisma's own validation, before any SQL (server/mask-error.ts).
import { decodeBase64, decodeCursorChunk } from "@pothos/core";
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  getNamedType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { invalidArgument } from "./errors.ts";

const MAX_INT4 = 2_147_483_647;
const MAX_INT8 = 9_223_372_036_854_775_807n;
const CURSOR_ARGUMENTS = new Set(["after", "before"]);

/** Why `cursor` is not one this API issues, or undefined when it is. */
export function cursorProblem(cursor: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeBase64(cursor);
  } catch {
    return "is not a cursor (not base64)";
  }
  if (!decoded.startsWith("GPC:")) return "is not a cursor of this API";
  let value: unknown;
  try {
    value = decodeCursorChunk(decoded.slice(4));
  } catch {
    return "is not a cursor of this API";
  }
  const tag = decoded.slice(4, 5);
  if (tag === "N" && !(Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_INT4))
    return "is not a cursor of this API (key out of range)";
  if (tag === "I" && !(typeof value === "bigint" && value > 0n && value <= MAX_INT8))
    return "is not a cursor of this API (key out of range)";
  if (tag === "S" && !(typeof value === "string" && value.length <= 200))
    return "is not a cursor of this API (key too long)";
  if (!["N", "I", "S"].includes(tag)) return "is not a cursor of this API";
  return undefined;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  return undefined;
}

/** The first forged cursor argument (`after`/`before` of a connection) of a document, as an argument error. */
export function forgedCursor(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  let error: GraphQLError | undefined;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (error || !CURSOR_ARGUMENTS.has(node.name.value)) return;
        const field = typeInfo.getFieldDef();
        if (!field || !getNamedType(field.type).name.endsWith("Connection")) return;
        const value = argumentValue(node.value, variables);
        if (typeof value !== "string") return;
        const problem = cursorProblem(value);
        if (problem) error = invalidArgument(node.name.value, problem);
      },
    }),
  );
  return error;
}
