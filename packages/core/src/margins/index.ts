/**
 * Margins: point spreads and totals from a distribution of a game's margin or total. Discrete
 * distributions (a normal rounded to whole points, or a goals model's score matrix), the
 * probability of each settlement grade of a line bet (win, half win, push, half loss, loss; grades
 * from settlement/lines.ts), the two-way probability equivalent to a line bet, and for the Elo
 * sports 538's Elo-difference-to-spread rule with a fitted normal spread. Pure.
 */
export * from "./distribution.ts";
export * from "./elo-margin.ts";
export * from "./fit-margin.ts";
export * from "./line-probabilities.ts";
export * from "./normal.ts";
export * from "./presets.ts";
