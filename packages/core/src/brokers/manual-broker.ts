// The manual broker: live trading at a book without an API (BetMGM, DraftKings, ...). An order
// becomes a bet awaiting a person, with its stake and the minimum acceptable odds; the person
// confirms what was obtained (`edgeline bets confirm`, GraphQL `recordManualBet`) or cancels it.
// A bet still unconfirmed when its game starts expires; confirmed ones settle on the final score
// exactly as paper bets do (the paper broker's grading, i.e. `settleBet`).
import type { BetStatusUpdate, Broker, OrderRequest, PlacedBetRow } from "@edgeline/sdk";
import { AWAITING, EXPIRED } from "./bet-status.ts";
import type { GameLookup } from "./paper-broker.ts";

export class ManualBroker implements Broker {
  readonly bookmaker = "Manual";

  constructor(
    /** Grades confirmed bets and sizes the row as the venue pays. */
    private readonly paper: Broker,
    private readonly games: GameLookup,
  ) {}

  async placeOrder(request: OrderRequest): Promise<PlacedBetRow> {
    return { ...(await this.paper.placeOrder(request)), status: AWAITING };
  }

  async syncBets(bets: readonly PlacedBetRow[], now: Date): Promise<BetStatusUpdate[]> {
    const awaiting = bets.filter((b) => b.status === AWAITING);
    const games = await this.games(awaiting.flatMap((b) => (b.gameId ? [b.gameId] : [])));
    const expired: BetStatusUpdate[] = awaiting.flatMap((b) => {
      const start = (b.gameId && games.get(b.gameId)?.commenceTime) || b.marketCloseTimeUtc;
      return start && start <= now
        ? [{ betId: b.betId, status: EXPIRED, result: null, reason: "not confirmed by the game's start" }]
        : [];
    });
    return [...expired, ...(await this.paper.syncBets(bets, now))];
  }
}
