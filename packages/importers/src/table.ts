import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/**
 * A sheet of cells as read from a CSV file or a workbook, before any meaning is given to it.
 * Workbook numbers stay numbers (an SBR `Date` of 1017 is the number 1017, a price -110); CSV
 * cells are text. The importers' cell readers accept both.
 */
export type CellValue = string | number | null;

export interface TableRow {
  /** 1-based row of the sheet or line of the CSV file where the row starts. */
  row: number;
  cells: CellValue[];
}

export interface Table {
  file: string;
  /** Worksheet name, null for CSV. */
  sheet: string | null;
  /** Header labels, trimmed; "" for an empty or merged-into-its-neighbour header cell. */
  header: string[];
  /** Row number of the header. */
  headerRow: number;
  rows: TableRow[];
}

/** Text of a cell for messages ("" for an empty cell). */
export function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** "L12": the A1 reference of a cell (0-based column). */
export function cellRef(column: number, row: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return `${name}${row}`;
}

/** Parses CSV text: the first non-empty line is the header; empty lines are dropped. */
export function csvTable(text: string, file: string): Table {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = records;
  const trimmed = (cells: string[]) => cells.map((c) => (c.trim() === "" ? null : c.trim()));
  return {
    file,
    sheet: null,
    header: first ? first.record.map((c) => c.trim()) : [],
    headerRow: first?.info.lines ?? 1,
    rows: rest
      .map((r) => ({ row: r.info.lines, cells: trimmed(r.record) }))
      .filter((r) => r.cells.some((c) => c !== null)),
  };
}

/** A workbook cell's value as text or number: rich text joined, formulas by their cached result. */
function workbookCell(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v)
    return (
      v.richText
        .map((t) => t.text)
        .join("")
        .trim() || null
    );
  if ("result" in v) {
    const r = v.result;
    return r === undefined || r === null ? null : typeof r === "number" ? r : String(r);
  }
  if ("text" in v) return String(v.text).trim() || null;
  if ("error" in v) return String(v.error);
  return String(v);
}

/**
 * Every worksheet of an `.xlsx` workbook that has cells, read with exceljs. The header is the
 * sheet's first row with a value; a header cell merged into its left neighbour reads as "", as
 * the archive's own CSV exports have it.
 */
export async function workbookTables(data: Buffer | ArrayBuffer, file: string): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const tables: Table[] = [];
  for (const sheet of workbook.worksheets) {
    const width = sheet.columnCount;
    if (width === 0) continue;
    let header: string[] | null = null;
    let headerRow = 0;
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      for (let c = 1; c <= width; c++) cells.push(workbookCell(row.getCell(c)));
      if (header === null) {
        header = cells.map((value, i) =>
          row.getCell(i + 1).type === ExcelJS.ValueType.Merge ? "" : cellText(value),
        );
        headerRow = rowNumber;
      } else if (cells.some((c) => c !== null)) {
        rows.push({ row: rowNumber, cells });
      }
    });
    if (header) tables.push({ file, sheet: sheet.name, header, headerRow, rows });
  }
  return tables;
}

/** Reads a `.csv` or `.xlsx` file into its tables (one for CSV). */
export async function readTables(filePath: string, file = filePath): Promise<Table[]> {
  const data = await readFile(filePath);
  if (path.extname(filePath).toLowerCase() === ".xlsx") return workbookTables(data, file);
  return [csvTable(data.toString("utf8"), file)];
}
