// `pnpm bench`: every benchmark under bench/, one after another, each printing its own figures.
// Run one alone with `pnpm exec tsx bench/<name>.ts`.
import { existsSync } from "node:fs";

const benches = [
  "elo",
  "elo-vs-538",
  "models-epl",
  "ingest",
  "import-parse",
  "import-db",
  "backtest",
  "sbr-history",
  "sbr-goals",
  "strategies",
  "place-bets",
  "graphql",
  "dashboard",
  "kalshi-broker",
  "operations",
];

for (const name of benches) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) continue;
  console.log(`\n=== bench/${name}.ts`);
  const mod = (await import(file.href)) as { main?: () => Promise<void> };
  if (mod.main) await mod.main();
}
