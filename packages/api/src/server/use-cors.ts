// CORS from configuration. No origins configured means no CORS headers at all (yoga would
// otherwise answer every origin), so only same-origin pages can call the API from a browser.
import type { YogaServerOptions } from "graphql-yoga";

export function corsOption(origins: string[]): YogaServerOptions<object, object>["cors"] {
  if (origins.length === 0) return false;
  return {
    origin: origins.includes("*") ? "*" : origins,
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type", "accept"],
    credentials: false,
    maxAge: 600,
  };
}
