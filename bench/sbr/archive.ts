// The SBR archive (../shared/datasets/sbr) as the benches read it: where it is, its seasons, and
// its import into an empty database through `edgeline import`'s code.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importHistory } from "../../packages/api/src/imports/import-history.ts";
import { importTotals } from "../../packages/api/src/imports/import-summary.ts";
import type { pipelinePool } from "../../packages/api/src/worker/deps.ts";
import type { loadPlugins, PreparedHistory } from "../../packages/core/src/index.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sbrFolder = path.resolve(repoRoot, "../shared/datasets/sbr");

/** 2016 → "2016-17". */
export const seasonLabel = (season: number) => `${season}-${String((season + 1) % 100).padStart(2, "0")}`;

export interface SeasonSpan {
  season: number;
  from: string;
  to: string;
}

export function seasons(h: PreparedHistory): SeasonSpan[] {
  const spans = new Map<number, SeasonSpan>();
  for (const g of h.history.games) {
    const s = spans.get(g.season);
    if (!s) spans.set(g.season, { season: g.season, from: g.date, to: g.date });
    else s.to = g.date;
  }
  return [...spans.values()].sort((a, b) => a.season - b.season);
}

/** Imports a sport's whole archive, its bad rows skipped and counted as `edgeline import --skip-bad-rows` does. */
export async function importArchive(
  pg: ReturnType<typeof pipelinePool>,
  registry: Awaited<ReturnType<typeof loadPlugins>>,
  code: "NBA" | "NHL",
): Promise<void> {
  const t0 = performance.now();
  const outcome = await importHistory(pg, registry, {
    kind: "sbr",
    sport: code,
    paths: [path.join(sbrFolder, code.toLowerCase())],
    skipBadRows: true,
  });
  if (!outcome.ok) throw new Error(outcome.refused.map((r) => r.message).join("\n"));
  const t = importTotals(outcome.files);
  console.log(
    `imported ${code}: ${t.files} workbooks, ${t.games.read} games, ${t.quotes.read} quotes in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
}
