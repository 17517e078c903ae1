// The compiled lane: a POST /graphql whose body repeats, byte for byte, one that yoga answered
// from a single compiled statement (use-compiled-execution.ts) is answered again here, below
// yoga: the same prepared statement with the same values, the same status, headers and body,
// without yoga's Request and Response objects, its envelop of hooks or its parser cache.
//
// Why this is the same answer: what yoga's plugins decide for a request is a function of its body
// (document, variables, operation name: parse, validation, depth and cost limits, argument and
// cursor checks, the compiled plan) and of the day (fields that default to today), both part of
// what the lane remembers; what depends on the request itself is done here as the plugins do it,
// with their own state: the API key is verified through the same cache (so a revoked key is
// refused within the same bound), the rate limit takes a token from the same buckets, the metrics
// count the operation under the same label. Everything else goes to yoga with the body already
// read: a body not seen before, a key or a limit to refuse, a failing statement, a request the
// lane does not reproduce to the header (an Origin when CORS is configured, another Accept, a
// query string, no Content-Length). A refusal is therefore always yoga's own answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EdgelineMetrics } from "@edgeline/core";
import type { ExecutionArgs } from "graphql";
import { bearerToken } from "../auth/api-key.ts";
import type { VerifiedKey } from "../auth/api-key-cache.ts";
import type { CompiledOperation } from "../graphql/compile/operation.ts";
import type { SqlClient } from "../graphql/context.ts";
import { type PreparedStatement, todayUtc } from "./use-compiled-execution.ts";
import { operationLabel } from "./use-metrics.ts";
import { type RateLimiter, rateLimitClient } from "./use-rate-limit.ts";

/** The server context field that carries a lane-eligible request's body into yoga's execution. */
const LANE_BODY = "compiledLaneBody";

/** Bodies remembered at most (the oldest learned goes first), and the longest one remembered. */
const MAX_ENTRIES = 1000;
const MAX_BODY_CHARS = 16 * 1024;

/** The Accept values whose content type the lane gives exactly as yoga does. */
const CONTENT_TYPES = new Map<string | undefined, string>([
  [undefined, "application/json; charset=utf-8"],
  ["*/*", "application/json; charset=utf-8"],
  ["application/json", "application/json; charset=utf-8"],
  ["application/graphql-response+json", "application/graphql-response+json; charset=utf-8"],
  // The dashboard's (packages/dashboard/src/graphql/client.ts).
  ["application/graphql-response+json, application/json", "application/graphql-response+json; charset=utf-8"],
]);

interface Learned {
  statement: PreparedStatement;
  /** What makes the body from the statement's value (its JSON text, or parsed and completed). */
  compiled: CompiledOperation;
  /** The metrics label of the operation (use-metrics.ts's bounded name). */
  operation: string;
  /** The UTC day it was learned on: plans may default a date to today. */
  day: string;
}

export interface CompiledLaneOptions {
  /** Yoga's Node request listener, which answers everything the lane does not. */
  yoga: (req: IncomingMessage, res: ServerResponse, context: Record<string, unknown>) => unknown;
  sql: SqlClient;
  verifyKey: (key: string) => Promise<VerifiedKey | null>;
  readRequiresKey: boolean;
  limiter: RateLimiter | undefined;
  metrics: EdgelineMetrics;
  /** The operation names the metrics have labelled, shared with useMetrics. */
  operationNames: Set<string>;
  maxBodyBytes: number;
  /** Whether yoga answers CORS (origins configured): a request with an Origin is then yoga's. */
  cors: boolean;
}

export interface CompiledLane {
  /** The HTTP server's request listener. */
  listener(req: IncomingMessage, res: ServerResponse): void;
  /** Called by the compiled executor for each operation it answered from one compiled statement. */
  learn(args: ExecutionArgs, statement: PreparedStatement, compiled: CompiledOperation): void;
  /** Distinct bodies it can answer (for tests). */
  readonly size: number;
}

export function createCompiledLane(options: CompiledLaneOptions): CompiledLane {
  const learned = new Map<string, Learned>();

  /** Whether the request is one the lane could answer, before its body is read. */
  function eligible(req: IncomingMessage): boolean {
    const h = req.headers;
    if (req.method !== "POST" || req.url !== "/graphql") return false;
    if (options.cors && h.origin !== undefined) return false;
    if (!h["content-type"]?.startsWith("application/json") || !CONTENT_TYPES.has(h.accept)) return false;
    const length = Number(h["content-length"]);
    return Number.isInteger(length) && length > 0 && length <= options.maxBodyBytes;
  }

  /** The answer from the lane, or false when yoga must give it (nothing has been written then). */
  async function answer(req: IncomingMessage, res: ServerResponse, entry: Learned): Promise<boolean> {
    let auth: VerifiedKey | null = null;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const token = bearerToken(header);
      auth = token ? await options.verifyKey(token) : null;
      if (!auth) return false; // yoga's 401
    } else if (options.readRequiresKey) {
      return false; // yoga's 401
    }
    // Every scope may read. A statement that then fails costs this token and yoga's: rare.
    if (options.limiter && options.limiter.take(rateLimitClient(auth, req)) !== 0) return false;
    const stop = options.metrics.graphqlDuration.startTimer({ operation: entry.operation });
    let body: string;
    try {
      const json = (await options.sql.query<{ data: unknown }>(entry.statement)).rows[0]?.data;
      // As yoga serialises the executor's result: PostgreSQL's text as it is, or the completed data.
      body = entry.compiled.raw
        ? `{"data":${json as string}}`
        : JSON.stringify({ data: entry.compiled.data(json) });
    } catch {
      return false; // yoga runs it again, and its resolvers report what failed
    }
    stop();
    options.metrics.graphqlRequests.inc({ operation: entry.operation, outcome: "ok" });
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES.get(req.headers.accept)!,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
    return true;
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const text = body.toString("utf8");
    const toYoga = () => {
      // whatwg-node reads a consumed request's body from `req.body` (as behind a body parser).
      (req as IncomingMessage & { body?: Buffer }).body = body;
      options.yoga(req, res, text.length <= MAX_BODY_CHARS ? { [LANE_BODY]: text } : {});
    };
    const entry = learned.get(text);
    if (!entry || entry.day !== todayUtc()) {
      toYoga();
      return;
    }
    answer(req, res, entry).then(
      (done) => done || toYoga(),
      () => toYoga(),
    );
  }

  return {
    listener(req, res) {
      if (!eligible(req)) {
        options.yoga(req, res, {});
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.once("end", () => handle(req, res, Buffer.concat(chunks)));
      req.once("error", () => res.destroy());
    },
    learn(args, statement, compiled) {
      const body = (args.contextValue as Record<string, unknown> | null)?.[LANE_BODY];
      if (typeof body !== "string" || learned.get(body)?.day === todayUtc()) return;
      learned.delete(body); // learned on an earlier day: learned again
      if (learned.size >= MAX_ENTRIES) learned.delete(learned.keys().next().value as string);
      learned.set(body, {
        statement,
        compiled,
        operation: operationLabel(options.operationNames, args),
        day: todayUtc(),
      });
    },
    get size() {
      return learned.size;
    },
  };
}
