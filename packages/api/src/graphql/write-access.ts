// Defence in depth for mutations: server/use-auth.ts already refuses a mutation without a write key
// before execution; a resolver that writes checks again, so that a plugin misconfiguration cannot
// open writes.
import { GraphQLError } from "graphql";
import type { GraphQLContext } from "./context.ts";

export function requireWriteKey(ctx: Pick<GraphQLContext, "auth">): void {
  if (ctx.auth?.scope !== "write") {
    throw new GraphQLError("A write key is required", {
      extensions: { code: "FORBIDDEN", http: { status: ctx.auth ? 403 : 401 } },
    });
  }
}
