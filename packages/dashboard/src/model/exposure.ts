// Open exposure by venue: the stake and potential payout of pending bets, summed per bookmaker
// exactly (decimal.js), largest stake first.
import { Decimal } from "decimal.js";

export interface OpenBet {
  bookmaker: string;
  stake: string;
  potentialPayout: string | null;
}

export interface VenueExposure {
  bookmaker: string;
  bets: number;
  stake: Decimal;
  potentialPayout: Decimal;
}

export function exposureByVenue(bets: readonly OpenBet[]): VenueExposure[] {
  const byVenue = new Map<string, VenueExposure>();
  for (const bet of bets) {
    const v = byVenue.get(bet.bookmaker) ?? {
      bookmaker: bet.bookmaker,
      bets: 0,
      stake: new Decimal(0),
      potentialPayout: new Decimal(0),
    };
    v.bets += 1;
    v.stake = v.stake.plus(bet.stake);
    v.potentialPayout = v.potentialPayout.plus(bet.potentialPayout ?? 0);
    byVenue.set(bet.bookmaker, v);
  }
  return [...byVenue.values()].sort(
    (a, b) => b.stake.comparedTo(a.stake) || a.bookmaker.localeCompare(b.bookmaker),
  );
}
