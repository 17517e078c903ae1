// Runs the fake upstream standalone (demo, benchmarks, manual runs):
//   tsx packages/core/src/fake-upstream/main.ts [--data-dir .edgeline/demo-upstream] [--port 4010] [--today YYYY-MM-DD]
// then point the sources at it with the variables it prints (localSourceEnv).
import { parseArgs } from "node:util";
import { localSourceEnv } from "../http/source-config.ts";
import { startFakeUpstream } from "./fake-upstream.ts";

const { values } = parseArgs({
  options: { "data-dir": { type: "string" }, port: { type: "string" }, today: { type: "string" } },
});
const upstream = await startFakeUpstream({
  dataDir: values["data-dir"] ?? ".edgeline/demo-upstream",
  port: Number(values.port ?? 4010),
  ...(values.today ? { today: values.today } : {}),
});
console.log(`fake upstream listening on ${upstream.url}`);
for (const [key, value] of Object.entries(localSourceEnv(upstream.url))) console.log(`${key}=${value}`);
const stop = () => void upstream.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
