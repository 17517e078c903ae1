// Streams an export to a writable (a file, stdout, an HTTP response) without holding the table:
// rows come from a server-side cursor (pg-query-stream, a batch at a time) through csv-stringify or
// a JSON array writer, with backpressure all the way.
import { type Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { type ExportQuery, exportColumns, exportSql } from "./export-kinds.ts";

export type ExportFormat = "csv" | "json";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

/** A JSON array, one row per line, written as rows arrive. */
function jsonArray(): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row, _enc, done) {
      done(null, `${first ? "[\n" : ",\n"}${JSON.stringify(row)}`);
      first = false;
    },
    flush(done) {
      done(null, first ? "[]\n" : "\n]\n");
    },
  });
}

/** Writes the export to `out`; resolves with the rows written. */
export async function streamExport(
  pool: pg.Pool,
  query: ExportQuery,
  format: ExportFormat,
  out: Writable,
  opts: { end?: boolean } = {},
): Promise<number> {
  const { text, values } = exportSql(query);
  const client = await pool.connect();
  let rows = 0;
  try {
    const source = client.query(new QueryStream(text, values, { batchSize: 500 }));
    const count = new Transform({
      objectMode: true,
      transform(row, _enc, done) {
        rows++;
        done(null, row);
      },
    });
    const writer =
      format === "csv" ? stringify({ header: true, columns: exportColumns(query.kind) }) : jsonArray();
    await pipeline(source as unknown as Readable, count, writer, out, { end: opts.end ?? true });
    return rows;
  } finally {
    client.release();
  }
}
