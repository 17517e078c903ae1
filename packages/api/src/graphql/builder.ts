// The Pothos schema builder: plugins, scalars' TypeScript shapes, context. No types are defined
// here (Pothos' app layout): the domain files import the builder, schema.ts imports them all.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type { GraphQLContext } from "./context.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination.ts";
import { getDatamodel, type PrismaTypes } from "./prisma.ts";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    /** A calendar day, YYYY-MM-DD. Parsed to the same string; Prisma DATE columns are Dates at UTC midnight. */
    Date: { Input: string; Output: Date | string };
    /** An instant; always serialised in UTC (ISO 8601 with Z). */
    DateTime: { Input: Date; Output: Date };
    /** An exact decimal as a string; never a float. */
    Decimal: { Input: string; Output: { toFixed(dp?: number): string } | string };
    ID: { Input: string; Output: string | number | bigint };
  };
}>({
  plugins: [RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Connections are plain lists of typed nodes; no global `node(id)` lookup.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    // A root resolver that forgets to spread `query` silently turns includes into N+1 fallbacks.
    onUnusedQuery: "error",
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
