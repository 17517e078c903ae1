import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { checkRiskLimits, DEFAULT_RISK_LIMITS, type Exposure, withOrder } from "./risk-limits.ts";

const none: Exposure = {
  stakeToday: new Decimal(0),
  stakeByGame: new Map(),
  openStake: new Decimal(0),
  openPositions: 0,
  recentResult: new Decimal(0),
};

describe("risk limits", () => {
  it("allow an order within every limit, and fold it into the exposure", () => {
    const order = { gameId: "G", stake: new Decimal(50) };
    expect(checkRiskLimits(order, none, DEFAULT_RISK_LIMITS)).toBeNull();
    const after = withOrder(withOrder(none, order), order);
    expect(after.stakeByGame.get("G")?.toFixed(2)).toBe("100.00");
    expect(checkRiskLimits(order, after, DEFAULT_RISK_LIMITS)?.rule).toBe("max_stake_per_game");
    expect(after.openPositions).toBe(2);
  });

  it("a limit is inclusive: exactly the maximum passes, a cent over does not", () => {
    expect(
      checkRiskLimits({ gameId: "G", stake: new Decimal("50.00") }, none, DEFAULT_RISK_LIMITS),
    ).toBeNull();
    expect(
      checkRiskLimits({ gameId: "G", stake: new Decimal("50.01") }, none, DEFAULT_RISK_LIMITS)?.rule,
    ).toBe("max_stake_per_bet");
    const lost = { ...none, recentResult: new Decimal(-200) };
    expect(checkRiskLimits({ gameId: "G", stake: new Decimal(1) }, lost, DEFAULT_RISK_LIMITS)?.rule).toBe(
      "daily_loss_limit",
    );
  });
});
