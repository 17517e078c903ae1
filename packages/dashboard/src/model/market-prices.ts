// A game's moneyline as the Sport page shows it: the best (longest) price per outcome with its
// bookmaker, and the de-vigged market probability from each book's latest quotes, by core's
// fairProbabilities (each complete book de-vigged, then averaged): the same function that marks
// open positions in the portfolio snapshot, so the dashboard and the pipeline agree.
import { fairProbabilities } from "@edgeline/core/odds";
import { Decimal } from "decimal.js";

export interface Quote {
  bookmaker: string;
  outcome: string | null;
  price: string;
  lastUpdate: string | null;
}

export interface OutcomePrice {
  outcome: string;
  best: { price: string; bookmaker: string };
  /** De-vigged probability; null when no book quotes a complete, over-round market. */
  fair: number | null;
}

/** Outcome order: home, draw, away (the names the odds sources store), then any other. */
const ORDER = ["home_team_win", "draw", "away_team_win"];
const rank = (o: string) => (ORDER.includes(o) ? ORDER.indexOf(o) : ORDER.length);

export function marketPrices(quotes: readonly Quote[]): OutcomePrice[] {
  // Each book's latest quote per outcome (the API lists newest first; sort again to be sure).
  const latest = new Map<string, Quote>();
  for (const q of [...quotes].sort((a, b) => (b.lastUpdate ?? "").localeCompare(a.lastUpdate ?? ""))) {
    if (!q.outcome) continue;
    const key = `${q.bookmaker}\u0000${q.outcome}`;
    if (!latest.has(key)) latest.set(key, q);
  }
  const current = [...latest.values()];
  const fair = fairProbabilities(
    current.map((q) => ({ bookmaker: q.bookmaker, outcome: q.outcome!, odds: Number(q.price) })),
  );
  const outcomes = [...new Set(current.map((q) => q.outcome!))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return outcomes.map((outcome) => {
    const best = current
      .filter((q) => q.outcome === outcome)
      .reduce((a, b) => (new Decimal(b.price).gt(a.price) ? b : a));
    return {
      outcome,
      best: { price: best.price, bookmaker: best.bookmaker },
      fair: fair.get(outcome) ?? null,
    };
  });
}

/** "home_team_win" → "home"; the model's probabilities are keyed home / draw / away. */
export function outcomeSide(outcome: string): "home" | "draw" | "away" | null {
  if (outcome === "home_team_win" || outcome === "home") return "home";
  if (outcome === "away_team_win" || outcome === "away") return "away";
  if (outcome === "draw") return "draw";
  return null;
}
