// Paper trading: every order fills in full at the recommended price, paid as the venue whose price
// it was would pay (its rules: fees, contracts), and bets settle from the final scores in
// unified_games by the settlement module's `settleBet` (the one home of grading). No money moves.
import {
  type BetStatusUpdate,
  type Broker,
  gameStatusSchema,
  type OrderRequest,
  type PlacedBetRow,
  pendingBetRow,
  SPORTSBOOK_RULES,
  type VenueRules,
} from "@edgeline/sdk";
import type { GameRow } from "../repositories/games.ts";
import {
  type BetMarket,
  type GameOutcome,
  type SettlementPolicy,
  type SettlementStatus,
  settleBet,
} from "../settlement/index.ts";

/** Looks up games by id (the paper broker's only view of the world). */
export type GameLookup = (gameIds: readonly string[]) => Promise<Map<string, GameRow>>;

/** Whether a sport's moneyline is 2-way (a tie voids) or 3-way (the draw is an outcome). */
export type MoneylineWays = (sport: string) => 2 | 3 | undefined;

/** placed_bets.status (pending, win, loss, void) of a settlement; half wins/losses (quarter lines) keep their sign. */
const BET_STATUS: Readonly<Record<SettlementStatus, string>> = {
  won: "win",
  "half-won": "win",
  lost: "loss",
  "half-lost": "loss",
  void: "void",
  // A tie paid at a share of the payout: a win or a loss by its sign (0 is a void).
  tied: "tied",
  pending: "pending",
};

function betStatus(
  status: SettlementStatus,
  result: { isPositive(): boolean; isZero(): boolean } | null,
): string {
  if (status !== "tied" || result === null) return BET_STATUS[status];
  return result.isZero() ? "void" : result.isPositive() ? "win" : "loss";
}

/**
 * The market a paper bet was struck in, from its game_odds outcome and, for spreads and totals, its
 * market and line. A moneyline draw bet is 3-way by definition, otherwise the sport says (3-way
 * when unknown: a tie then loses, as a home/away bet in a market that also offers the draw does).
 * A spread or total without its line cannot be graded: undefined.
 */
export function paperBetMarket(
  outcome: string,
  ways: 2 | 3 | undefined,
  marketName?: string | null,
  line?: { toNumber(): number } | null,
): BetMarket | undefined {
  if (marketName === "total") {
    if (!line || (outcome !== "over" && outcome !== "under")) return undefined;
    return { kind: "total", selection: outcome, line: line.toNumber() };
  }
  const selection = outcome === "home_team_win" ? "home" : outcome === "away_team_win" ? "away" : undefined;
  if (marketName === "spread")
    return selection && line ? { kind: "spread", selection, line: line.toNumber() } : undefined;
  if (outcome === "draw") return { kind: "moneyline", ways: 3, selection: "draw" };
  if (!selection) return undefined;
  return ways === 2 ? { kind: "moneyline", ways: 2, selection } : { kind: "moneyline", ways: 3, selection };
}

/**
 * A unified_games row as settlement reads it, or undefined while it cannot be settled on: an
 * unknown status, no start time, or a final row whose scores have not arrived yet (load_bets_db
 * fills them; settling then would be grading on missing data).
 */
export function gameOutcome(game: GameRow): GameOutcome | undefined {
  const status = gameStatusSchema.safeParse(game.status);
  if (!status.success || !game.commenceTime) return undefined;
  if (status.data === "Final" && (game.homeScore === null || game.awayScore === null)) return undefined;
  return {
    status: status.data,
    homeScore: game.homeScore,
    awayScore: game.awayScore,
    scheduledStart: game.commenceTime,
  };
}

export class PaperBroker implements Broker {
  readonly bookmaker = "Paper";

  constructor(
    private readonly games: GameLookup,
    private readonly moneylineWays: MoneylineWays = () => undefined,
    private readonly policy?: SettlementPolicy,
    /** The rules of the venue whose price a bet was struck at. @defaultValue a plain sportsbook's */
    private readonly rulesFor: (bookmaker: string) => VenueRules = () => SPORTSBOOK_RULES,
  ) {}

  async placeOrder(request: OrderRequest): Promise<PlacedBetRow> {
    const rules = this.rulesFor(request.venueBookmaker ?? "");
    // The fee inside the stake, as the venue would charge it (Kalshi's per-contract fee).
    const fee =
      request.contracts === undefined ? undefined : rules.roundStake(request.stake, request.price).fee;
    const contracts = request.contracts === undefined ? {} : { contracts: request.contracts };
    return {
      // Paper simulates the venue and keeps its name; placed_bets.trading_mode says it is paper.
      ...pendingBetRow(request, request.venueBookmaker ?? this.bookmaker, {
        stake: request.stake,
        odds: request.price,
        // What the venue would pay on a win: an exchange pays its contracts (the stake already holds the fee).
        potentialPayout: rules.payout({ stake: request.stake, ...contracts }, request.price),
      }),
      ...contracts,
      ...(fee === undefined ? {} : { fees: fee }),
    };
  }

  async syncBets(bets: readonly PlacedBetRow[], now: Date): Promise<BetStatusUpdate[]> {
    const open = bets.filter((b) => b.status === "pending" && b.gameId !== null);
    const games = await this.games(open.map((b) => b.gameId!));
    const updates: BetStatusUpdate[] = [];
    for (const bet of open) {
      const game = games.get(bet.gameId!);
      const outcome = game && gameOutcome(game);
      const market =
        game && paperBetMarket(bet.outcome, this.moneylineWays(game.sport), bet.marketName, bet.line);
      if (!outcome || !market) continue;
      const settled = settleBet(
        // The payout the bet row fixed (stake × odds, down to the cent): a win returns exactly it.
        { stake: bet.stake, odds: bet.odds, potentialPayout: bet.potentialPayout ?? undefined, market },
        outcome,
        now,
        this.policy,
      );
      if (settled.status === "pending") continue;
      updates.push({
        betId: bet.betId,
        status: betStatus(settled.status, settled.result),
        result: settled.result,
        reason:
          outcome.status === "Final"
            ? `settled on the final score ${outcome.homeScore}-${outcome.awayScore} (home-away)`
            : `settled: game ${outcome.status}`,
      });
    }
    return updates;
  }
}
