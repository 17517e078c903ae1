// Page sizes shared by every connection. `first`/`last` above the maximum are rejected (not
// silently clamped) so that a client learns the limit from the error message.
import type { GraphQLContext } from "./context.ts";
import { invalidArgument } from "./errors.ts";

/** The largest page any connection returns. */
export const MAX_PAGE_SIZE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

type PageArgs = { first?: number | null; last?: number | null };

function checkPageSize(args: PageArgs): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw invalidArgument(name, `must be between 0 and ${MAX_PAGE_SIZE}`);
    }
  }
}

/** A list argument's size, between 0 and the page maximum, or an argument error naming it. */
export function checkLimit(name: string, value: number): number {
  if (value < 0 || value > MAX_PAGE_SIZE)
    throw invalidArgument(name, `must be between 0 and ${MAX_PAGE_SIZE}`);
  return value;
}

/** One table as a connection reads it: Prisma's model delegate, loosely typed. */
interface PagedTable<Where> {
  count(args: { where: Where }): Promise<number>;
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's generic delegate; the connection types its rows.
  findMany(args: any): Promise<any[]>;
}

/**
 * The `totalCount` and `resolve` of a connection over one table: the page size checked, the same
 * filter for the count and the page, the rows in a total order (so that cursors are stable).
 */
export function pagedRows<Args, Parent, Where>(
  table: (ctx: GraphQLContext) => PagedTable<Where>,
  where: (args: Args, parent: Parent) => Where,
  orderBy: readonly object[],
) {
  return {
    totalCount: (parent: Parent, args: Args, ctx: GraphQLContext) =>
      table(ctx).count({ where: where(args, parent) }),
    resolve: (query: object, parent: Parent, args: Args & PageArgs, ctx: GraphQLContext) => {
      checkPageSize(args);
      return table(ctx).findMany({ ...query, where: where(args, parent), orderBy });
    },
  };
}

/** The names of a connection's types after what it lists: `OddsConnection` and `OddsEdge`. */
export function connectionNames(name: string) {
  return [{ name: `${name}Connection` }, { name: `${name}Edge` }] as const;
}
