// Serves the built dashboard (packages/dashboard/dist) from the API process: GET and HEAD of any
// path that is not the API's own (/graphql, /health, /ready). Files are read once when the server
// is created. Vite's hashed files under /assets/ are cached for a year (immutable); index.html is
// revalidated on every load (ETag), so a new build is seen at once. Any other path without a file
// extension is a dashboard route (/bets, /sport/NHL) and gets index.html; a missing asset is 404.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "graphql-yoga";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The page may load only its own scripts and styles and talk only to this origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // uPlot positions its elements with style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
  headers: Record<string, string>;
}

function loadFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const path = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(dir, path).split(sep).join("/")}`;
    const body = new Uint8Array(readFileSync(path));
    const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
    const compressible = /^(text\/|application\/json|image\/svg)/.test(type) && body.byteLength > 1024;
    files.set(urlPath, {
      body,
      gzip: compressible ? new Uint8Array(gzipSync(body, { level: 9 })) : null,
      headers: {
        "content-type": type,
        "cache-control": urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
        "x-content-type-options": "nosniff",
        ...(type.startsWith("text/html")
          ? { "content-security-policy": CONTENT_SECURITY_POLICY, "referrer-policy": "no-referrer" }
          : {}),
        ...(compressible ? { vary: "accept-encoding" } : {}),
      },
    });
  }
  return files;
}

export interface DashboardOptions {
  /** The built dashboard: a folder with index.html and assets/. */
  dir: string;
  /** Paths the API answers itself (never the dashboard's). */
  apiPaths: readonly string[];
}

export function useDashboard(opts: DashboardOptions): Plugin {
  const files = loadFiles(opts.dir);
  const index = files.get("/index.html");
  if (!index) throw new Error(`The dashboard folder ${opts.dir} has no index.html: build it first`);
  const apiPaths = new Set(opts.apiPaths.flatMap((p) => [p, `${p}/`]));

  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      if (apiPaths.has(url.pathname)) return;
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return endResponse(new fetchAPI.Response("Bad path", { status: 400 }));
      }
      const file =
        files.get(pathname === "/" ? "/index.html" : pathname) ??
        (pathname.startsWith("/assets/") || extname(pathname) !== "" ? undefined : index);
      if (!file) {
        return endResponse(
          new fetchAPI.Response("Not found", { status: 404, headers: { "content-type": "text/plain" } }),
        );
      }
      if (request.headers.get("if-none-match") === file.headers.etag) {
        const { etag, "cache-control": cacheControl } = file.headers;
        return endResponse(
          new fetchAPI.Response(null, { status: 304, headers: { etag, "cache-control": cacheControl! } }),
        );
      }
      const gzip = file.gzip && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
      const body = gzip ? file.gzip! : file.body;
      const headers = {
        ...file.headers,
        ...(gzip ? { "content-encoding": "gzip" } : {}),
        "content-length": String(body.byteLength),
      };
      endResponse(new fetchAPI.Response(request.method === "HEAD" ? null : body, { status: 200, headers }));
    },
  };
}
