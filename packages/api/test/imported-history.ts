// Writes what an importer parsed (@edgeline/importers) exactly as `edgeline import` does, through
// core's writeHistory in one transaction, for the backtest tests and bench that parse first (to read
// the file's forecasts beside the stored history).
import { withTransaction, writeHistory } from "@edgeline/core";
import type { ImportResult } from "@edgeline/importers";
import type pg from "pg";
import { historyBatch } from "../src/imports/history-records.ts";

export async function writeImported(
  pool: pg.Pool,
  result: ImportResult,
  importedAt = new Date(),
): Promise<void> {
  const sport = result.games[0]?.game.sport;
  if (!sport) return;
  const batch = historyBatch(sport, result.format, result);
  await withTransaction(pool, (client) => writeHistory(client, batch, importedAt));
}
