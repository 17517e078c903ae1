// @edgeline/api: the GraphQL server and the pipeline worker, for embedding Edgeline in another
// process. `pnpm start` (src/main.ts) and the CLI (src/cli) are built from these.
export { apiConfigFrom, createApiServer, type RunningApiServer, startApiServer } from "./server/index.ts";
export * from "./worker/index.ts";
