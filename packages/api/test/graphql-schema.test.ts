// The committed schema.graphql is the printed schema of the code; regenerate it with
// `pnpm --filter @edgeline/api schema:print` when this fails on purpose.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { schemaFile } from "../src/graphql/print-schema.ts";
import { printedSchema } from "../src/graphql/schema.ts";

describe("schema.graphql", () => {
  test("matches the schema the code builds", () => {
    expect(readFileSync(schemaFile, "utf8")).toBe(printedSchema());
  });

  test("declares the scalars, root fields and subscriptions of issue #6", () => {
    const sdl = printedSchema();
    for (const scalar of ["DateTime", "Date", "Decimal"]) expect(sdl).toContain(`scalar ${scalar}`);
    for (const field of [
      "sports:",
      "games(",
      "game(",
      "odds(",
      "eloRatings(",
      "leaderboard(",
      "recommendations(",
      "placedBets(",
      "portfolio(",
      "pipelineRuns(",
      "runPipeline(",
      "backfill(",
      "syncBets:",
      "snapshotPortfolio:",
      "rejectRecommendation(",
      "recordManualBet(",
      "pipelineRunUpdated(",
      "betUpdated:",
    ]) {
      expect(sdl).toContain(`  ${field}`);
    }
  });
});
