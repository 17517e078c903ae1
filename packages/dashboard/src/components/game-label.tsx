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
