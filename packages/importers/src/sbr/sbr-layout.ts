import type { Table } from "../table.ts";

/**
 * Where each field of an SBR sheet is, found by the header labels (never by fixed positions:
 * the NHL layout changes from one revision of the archive to the next). Labels are compared
 * without case or spaces ("Open OU" = "OpenOU", "Puck Line" = "PuckLine"). A price without a
 * label of its own is the column right of its line's label (merged header cells), whose header
 * must be empty.
 *
 * - `spread-total` (NBA): `Date,Rot,VH,Team,1st…4th,Final,Open,Close,ML,2H`. `Open`/`Close` hold
 *   the favourite's spread on its row and the total on the other; `ML` the closing moneyline.
 * - `moneyline` (NHL): `Date,Rot,VH,Team,1st,2nd,3rd,Final,Open,Close`, `Open`/`Close` the
 *   moneylines, then per revision: `Open OU`/`Close OU` (line, price), `PL` (one text cell
 *   `+1.5(-305)`) or `Puck Line` (line, price).
 */
export interface LineAndPrice {
  line: number;
  price: number;
}

export interface SbrLayout {
  kind: "spread-total" | "moneyline";
  /** Short name of the revision, reported in the result: "nba", "nhl-ou", "nhl-pl-text", "nhl-puck-line". */
  name: string;
  date: number;
  rot: number;
  vh: number;
  team: number;
  /** Regulation periods, in order. */
  periods: number[];
  final: number;
  open: number;
  close: number;
  /** spread-total: the closing moneyline. */
  moneyline: number | null;
  /** moneyline layout: puck line as two cells (2016-17 on) or one text cell (2014-16). */
  puckLine: LineAndPrice | null;
  puckLineText: number | null;
  openTotal: LineAndPrice | null;
  closeTotal: LineAndPrice | null;
  /** Labelled columns read for nothing ("2H"). */
  ignored: string[];
}

export const labelKey = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Locates the layout, or says what is missing. */
export function locateLayout(table: Table): SbrLayout | { error: string } {
  const keys = table.header.map(labelKey);
  const find = (...labels: string[]) => keys.findIndex((k) => labels.includes(k));
  const required = { date: find("date"), rot: find("rot"), vh: find("vh"), team: find("team") };
  const final = find("final");
  const open = find("open");
  const close = find("close");
  const missing = Object.entries({ ...required, final, open, close })
    .filter(([, i]) => i < 0)
    .map(([name]) => name);
  if (missing.length) {
    return { error: `not an SBR archive sheet: no ${missing.join(", ")} column in the header` };
  }
  const periods = keys
    .map((k, i) => ({ k, i }))
    .filter(({ k, i }) => i > required.team && i < final && /^\d+(st|nd|rd|th)$/.test(k))
    .map(({ i }) => i);
  if (periods.length === 0) return { error: "no period columns (1st, 2nd, …) between Team and Final" };

  const paired = (labels: string[]): LineAndPrice | null | { error: string } => {
    const line = find(...labels);
    if (line < 0) return null;
    if ((table.header[line + 1] ?? "") !== "") {
      return {
        error: `${table.header[line]} has no price column right of it (found "${table.header[line + 1]}")`,
      };
    }
    return { line, price: line + 1 };
  };
  const used = new Set<number>([...Object.values(required), ...periods, final, open, close]);
  const moneyline = find("ml");
  if (moneyline >= 0) {
    used.add(moneyline);
    return {
      kind: "spread-total",
      name: "nba",
      ...required,
      periods,
      final,
      open,
      close,
      moneyline,
      puckLine: null,
      puckLineText: null,
      openTotal: null,
      closeTotal: null,
      ignored: table.header.filter((h, i) => h !== "" && !used.has(i)),
    };
  }
  const openTotal = paired(["openou"]);
  const closeTotal = paired(["closeou"]);
  const puckLine = paired(["puckline"]);
  for (const p of [openTotal, closeTotal, puckLine]) if (p && "error" in p) return p;
  const pl = find("pl");
  const lp = (p: typeof openTotal) => (p && !("error" in p) ? p : null);
  for (const p of [lp(openTotal), lp(closeTotal), lp(puckLine)]) if (p) used.add(p.line).add(p.price);
  if (pl >= 0) used.add(pl);
  const name = lp(puckLine) ? "nhl-puck-line" : pl >= 0 ? "nhl-pl-text" : "nhl-ou";
  return {
    kind: "moneyline",
    name,
    ...required,
    periods,
    final,
    open,
    close,
    moneyline: null,
    puckLine: lp(puckLine),
    puckLineText: pl >= 0 ? pl : null,
    openTotal: lp(openTotal),
    closeTotal: lp(closeTotal),
    ignored: table.header.filter((h, i) => h !== "" && !used.has(i)),
  };
}
