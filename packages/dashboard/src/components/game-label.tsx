// "Away at Home" for a game, from whatever the API knows of its sides.
interface SideName {
  name: string | null;
}

export function gameLabel(
  game: { id: string; home: SideName; away: SideName } | null | undefined,
  fallbackId?: string | null,
) {
  if (!game) return fallbackId ?? "—";
  if (!game.home.name || !game.away.name) return game.id;
  return `${game.away.name} at ${game.home.name}`;
}

/** The side a bet backed, in words. */
export function outcomeLabel(outcome: string | null | undefined): string {
  switch (outcome) {
    case "home_team_win":
    case "home":
      return "Home";
    case "away_team_win":
    case "away":
      return "Away";
    case "draw":
      return "Draw";
    default:
      return outcome ?? "—";
  }
}

/**
 * "LAK at BOS" from a game id, whose format the schema documents as
 * {SPORT}_{YYYYMMDD}_{AWAY}_{HOME}; the id itself when it has another shape.
 */
export function gameIdLabel(id: string): string {
  const m = /^[A-Z0-9]+_\d{8}_([^_]+)_([^_]+)$/.exec(id);
  return m ? `${m[1]} at ${m[2]}` : id;
}
