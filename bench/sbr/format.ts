// Number formats of the SBR benches' tables.

export const f4 = (x: number | null | undefined) => (x === null || x === undefined ? "  —   " : x.toFixed(4));
export const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);
export const interval = (i: [number, number] | null) => (i ? `[${pct(i[0])}, ${pct(i[1])}]` : "—");
/** A difference of scores, signed, to 5 decimals: "never worse" is ≤ +0.00000. */
export const diff = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : " "}${Math.abs(x).toFixed(5)}`;
export const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
