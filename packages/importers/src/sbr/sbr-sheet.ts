import type { Where } from "../problems.ts";
import { type CellValue, cellRef, cellText, type Table, type TableRow } from "../table.ts";

/** Cell access with the file position problems need: "ML (L12)" in a workbook, "ML" in a CSV. */
export class SheetCells {
  constructor(readonly table: Table) {}

  value(row: TableRow, column: number): CellValue {
    return row.cells[column] ?? null;
  }

  label(column: number): string {
    const own = this.table.header[column] ?? "";
    if (own !== "") return own;
    const left = this.table.header[column - 1] ?? "";
    return left === "" ? `column ${column + 1}` : `${left} price`;
  }

  where(row: TableRow, column: number, value?: string): Where {
    const label = this.label(column);
    return {
      row: row.row,
      column: this.table.sheet === null ? label : `${label} (${cellRef(column, row.row)})`,
      value: value ?? cellText(this.value(row, column)),
    };
  }
}
