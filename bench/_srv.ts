import { defaultLimits } from "../packages/api/src/server/config.ts";
import { startApiServer } from "../packages/api/src/server/create-api-server.ts";
import { loadPlugins } from "../packages/core/src/index.ts";

const s = await startApiServer({
  databaseUrl: process.argv[2]!,
  port: 4555,
  host: "127.0.0.1",
  plugins: await loadPlugins(),
  logging: false,
  config: { readRequiresKey: false, corsOrigins: [], maxBodyBytes: 100 * 1024, limits: defaultLimits },
});
console.log("up", s.url);
