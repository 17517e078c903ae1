// Writes the demo upstream payloads: `tsx packages/core/src/demo/main.ts [--out DIR] [--today YYYY-MM-DD] [--seed S]`.
import { parseArgs } from "node:util";
import { generateDemoUpstream } from "./generate-demo-upstream.ts";

const { values } = parseArgs({
  options: { out: { type: "string" }, today: { type: "string" }, seed: { type: "string" } },
});
const summary = await generateDemoUpstream({
  ...(values.out ? { outDir: values.out } : {}),
  ...(values.today ? { today: values.today } : {}),
  ...(values.seed ? { seed: values.seed } : {}),
});
console.log(JSON.stringify(summary));
