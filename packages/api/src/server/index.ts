// The API server's public surface, for packages/api/src/main.ts and the benchmark.
export { type ApiConfig, apiConfigFrom, defaultLimits, type QueryLimits } from "./config.ts";
export {
  type ApiServer,
  type ApiServerDeps,
  createApiServer,
  createChangePubSub,
  type RunningApiServer,
  type StartApiServerOptions,
  startApiServer,
} from "./create-api-server.ts";
export { type ApiDatabase, createApiDatabase } from "./database.ts";
export { listenForChanges } from "./pg-notifications.ts";
