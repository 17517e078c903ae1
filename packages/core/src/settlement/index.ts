/**
 * Settlement: grading moneyline (2- and 3-way), spread and total (whole-line pushes void, quarter
 * lines split into two half stakes: lines.ts, the one home of the line rules), and Kalshi YES/NO
 * bets from a game's final score; `result` is the net profit. Postponed or cancelled games void
 * after a configurable wait and are never settled as played. Game statuses are unified_games'
 * (plugins/status.ts). Pure.
 */
export * from "./lines.ts";
export * from "./settle.ts";
