// GET /export/<kind>.csv|.json (and /export/backtest/<id>.csv|.json) with ?from=&to= days: the
// CLI's exports over HTTP, streamed from a cursor, for a caller with a read key (or anyone when
// reads are open, as for GraphQL queries).
import { PassThrough, Readable } from "node:stream";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type pg from "pg";
import { exportQuerySchema } from "../exports/export-kinds.ts";
import { CONTENT_TYPES, type ExportFormat, streamExport } from "../exports/stream-export.ts";
import type { Authentication } from "../graphql/context.ts";
import { authenticate } from "./use-auth.ts";

export const EXPORT_PREFIX = "/export/";
const ROUTE = /^\/export\/(bets|recommendations|portfolio|backtest)(?:\/(\d{1,18}))?\.(csv|json)$/;

export function useExports(opts: {
  pool: pg.Pool;
  verify: (key: string) => Promise<Authentication | null>;
  readRequiresKey: boolean;
}): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(EXPORT_PREFIX) || request.method !== "GET") return;
      const text = (status: number, body: string, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(`${body}\n`, {
            status,
            headers: { "content-type": "text/plain", ...headers },
          }),
        );
      const m = ROUTE.exec(url.pathname);
      if (!m)
        return text(
          404,
          "exports: /export/{bets,recommendations,portfolio}.{csv,json} or /export/backtest/<id>.{csv,json}",
        );
      let auth: Authentication | null;
      try {
        auth = await authenticate(request, opts.verify);
      } catch (error) {
        return text(401, error instanceof GraphQLError ? error.message : "unauthorized", {
          "www-authenticate": 'Bearer realm="edgeline"',
        });
      }
      if (opts.readRequiresKey && !auth)
        return text(401, "An API key is required: send Authorization: Bearer <key>", {
          "www-authenticate": 'Bearer realm="edgeline"',
        });
      const parsed = exportQuerySchema.safeParse({
        kind: m[1],
        ...(m[2] ? { id: m[2] } : {}),
        ...(url.searchParams.get("from") ? { from: url.searchParams.get("from") } : {}),
        ...(url.searchParams.get("to") ? { to: url.searchParams.get("to") } : {}),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return text(400, `${issue.path.join(".")}: ${issue.message}`);
      }
      const format = m[3] as ExportFormat;
      const body = new PassThrough();
      streamExport(opts.pool, parsed.data, format, body).catch((error: Error) => body.destroy(error));
      const name = `${m[1]}${m[2] ? `-${m[2]}` : ""}.${format}`;
      endResponse(
        new fetchAPI.Response(Readable.toWeb(body) as ReadableStream, {
          status: 200,
          headers: {
            "content-type": CONTENT_TYPES[format],
            "content-disposition": `attachment; filename="${name}"`,
          },
        }),
      );
    },
  };
}
