// The screener's list as the terminal shows it: one line per opportunity, then each arbitrage or
// middle set with its stakes and what it locks in.
import type { ScreenResult } from "./screen.ts";

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(100 * x).toFixed(1)}%`;
const age = (s: number) =>
  s < 120 ? `${s}s` : s < 7200 ? `${Math.round(s / 60)}m` : `${(s / 3600).toFixed(1)}h`;

export function formatScreen(r: ScreenResult): string {
  const head = ["game", "start", "selection", "venue", "price", "fair", "edge", "EV", "stake", "quote age"];
  const rows = r.opportunities
    .filter((o) => !o.group)
    .map((o) => [
      o.game,
      o.commenceTime.toISOString().slice(0, 16).replace("T", " "),
      `${o.market} ${o.selection}${o.line === null ? "" : ` ${o.line > 0 ? "+" : ""}${o.line}`}`,
      o.venue && o.venue !== "manual" ? `${o.bookmaker} (${o.venue})` : o.bookmaker,
      o.price.toFixed(2),
      o.fairPrice.toFixed(2),
      pct(o.edge),
      o.expectedValue,
      o.stake,
      age(o.ageSeconds),
    ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`;
  const out = [
    `${r.sport} at ${r.at.toISOString()}: strategy "${r.strategy}", ${r.games} games to start, ${rows.length} bets, ${r.sets.length} sets`,
  ];
  if (rows.length > 0) out.push(line(head), ...rows.map(line));
  for (const set of r.sets) {
    const first = set.legs[0]!;
    out.push(
      `  ${set.kind} on ${first.game}: staked ${set.staked}, worst case ${Number(set.lockedProfit) >= 0 ? "+" : ""}${set.lockedProfit}`,
      ...set.legs.map(
        (l) =>
          `    ${l.market} ${l.selection}${l.line === null ? "" : ` ${l.line}`} at ${l.bookmaker} ${l.price.toFixed(2)}: stake ${l.stake} (quote ${age(l.ageSeconds)} old)`,
      ),
      `    ${first.reason}`,
    );
  }
  if (r.suspects.length > 0)
    out.push(`  ${r.suspects.length} suspect quotes (edge above the maximum) not listed`);
  return out.join("\n");
}
