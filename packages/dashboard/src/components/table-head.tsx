// A table's column headers: plain text columns, and numeric ones right-aligned like their cells.
export interface Column {
  label: string;
  numeric?: boolean;
}

/** A right-aligned (numeric) column. */
export const numeric = (label: string): Column => ({ label, numeric: true });

export function TableHead(props: { columns: ReadonlyArray<string | Column> }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => {
          const col = typeof c === "string" ? { label: c } : c;
          return (
            <th scope="col" key={col.label} class={col.numeric ? "num" : undefined}>
              {col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
