// Risk limits: checked before any order, paper or live, by the host (brokers never see an order a
// limit refuses). Pure: the caller reads the exposure from placed_bets, this says yes or why not,
// and folds each accepted order into the exposure so a day's orders are checked one after another.
import type { RiskLimits } from "@edgeline/sdk";
import { Decimal } from "decimal.js";

export type { RiskLimits };

/** The rule names stored in order_refusals.rule, beside the kill switch and the price check. */
export type RiskRule =
  | "max_stake_per_bet"
  | "max_stake_per_day"
  | "max_stake_per_game"
  | "max_open_exposure"
  | "daily_loss_limit"
  | "max_open_positions";

/** What is already at risk when an order is checked. */
export interface Exposure {
  /** Stake of bets placed on the order's day. */
  stakeToday: Decimal;
  /** Stake of bets on each game. */
  stakeByGame: ReadonlyMap<string, Decimal>;
  /** Stake of open bets (pending, or awaiting a person). */
  openStake: Decimal;
  openPositions: number;
  /** Net result of bets settled over the last day (negative: a loss). */
  recentResult: Decimal;
}

export interface RiskRefusal {
  rule: RiskRule;
  reason: string;
}

/** The defaults of the EDGELINE_RISK_* variables, as Decimals. */
export const DEFAULT_RISK_LIMITS: RiskLimits = {
  maxStakePerBet: new Decimal(50),
  maxStakePerDay: new Decimal(250),
  maxStakePerGame: new Decimal(100),
  maxOpenExposure: new Decimal(500),
  dailyLossLimit: new Decimal(200),
  maxOpenPositions: 50,
};

/** The risk limits as the configuration holds them (`trading.risk`: amounts as decimal strings). */
export interface RiskSettings {
  maxStakePerBet: string;
  maxStakePerDay: string;
  maxStakePerGame: string;
  maxOpenExposure: string;
  dailyLossLimit: string;
  maxOpenPositions: number;
}

export function riskLimitsOf(risk: RiskSettings): RiskLimits {
  return {
    maxStakePerBet: new Decimal(risk.maxStakePerBet),
    maxStakePerDay: new Decimal(risk.maxStakePerDay),
    maxStakePerGame: new Decimal(risk.maxStakePerGame),
    maxOpenExposure: new Decimal(risk.maxOpenExposure),
    dailyLossLimit: new Decimal(risk.dailyLossLimit),
    maxOpenPositions: risk.maxOpenPositions,
  };
}

const money = (d: Decimal) => d.toFixed(2);

/** The first limit an order of `stake` on `gameId` breaks, or null when every limit allows it. */
export function checkRiskLimits(
  order: { gameId: string; stake: Decimal },
  exposure: Exposure,
  limits: RiskLimits,
): RiskRefusal | null {
  const { stake } = order;
  const loss = exposure.recentResult.neg();
  if (loss.gte(limits.dailyLossLimit))
    return {
      rule: "daily_loss_limit",
      reason: `lost ${money(loss)} on bets settled over the last day; the daily loss limit is ${money(limits.dailyLossLimit)}`,
    };
  if (stake.gt(limits.maxStakePerBet))
    return {
      rule: "max_stake_per_bet",
      reason: `stake ${money(stake)} is above the maximum per bet ${money(limits.maxStakePerBet)}`,
    };
  const today = exposure.stakeToday.plus(stake);
  if (today.gt(limits.maxStakePerDay))
    return {
      rule: "max_stake_per_day",
      reason: `${money(exposure.stakeToday)} already staked today; ${money(stake)} more is above the maximum per day ${money(limits.maxStakePerDay)}`,
    };
  const game = (exposure.stakeByGame.get(order.gameId) ?? new Decimal(0)).plus(stake);
  if (game.gt(limits.maxStakePerGame))
    return {
      rule: "max_stake_per_game",
      reason: `${money(game.minus(stake))} already on game ${order.gameId}; ${money(stake)} more is above the maximum per game ${money(limits.maxStakePerGame)}`,
    };
  if (exposure.openStake.plus(stake).gt(limits.maxOpenExposure))
    return {
      rule: "max_open_exposure",
      reason: `${money(exposure.openStake)} is open; ${money(stake)} more is above the maximum open exposure ${money(limits.maxOpenExposure)}`,
    };
  if (exposure.openPositions + 1 > limits.maxOpenPositions)
    return {
      rule: "max_open_positions",
      reason: `${exposure.openPositions} bets are open; the maximum is ${limits.maxOpenPositions}`,
    };
  return null;
}

/** The exposure after an accepted order. */
export function withOrder(exposure: Exposure, order: { gameId: string; stake: Decimal }): Exposure {
  const byGame = new Map(exposure.stakeByGame);
  byGame.set(order.gameId, (byGame.get(order.gameId) ?? new Decimal(0)).plus(order.stake));
  return {
    stakeToday: exposure.stakeToday.plus(order.stake),
    stakeByGame: byGame,
    openStake: exposure.openStake.plus(order.stake),
    openPositions: exposure.openPositions + 1,
    recentResult: exposure.recentResult,
  };
}
