// One way to write an Elo model: name what differs from the plain model and let the rest default,
// so a sport's model reads as its choices (K, home advantage, margin, draws) and not as a form.
import type { EloConfig } from "./elo-config.ts";

/** The parts every model must choose; the rest default to the plain logistic Elo below. */
export type EloModelSpec = Pick<EloConfig, "name" | "kFactor" | "homeAdvantage"> & Partial<EloConfig>;

/** The plain model: 400-point scale, no margin or favourite terms, no playoff weight, no reversion. */
export const PLAIN_ELO: Omit<EloConfig, "name" | "kFactor" | "homeAdvantage"> = {
  scale: 400,
  marginOfVictory: { kind: "none" },
  favouriteMultiplier: { kind: "none" },
  playoffMultiplier: 1,
  seasonReversion: null,
  initialRating: 1500,
  newEntityRating: 1500,
  draws: { kind: "none" },
  sources: {},
};

/** A complete Elo configuration from the choices that differ from {@link PLAIN_ELO}. */
export function eloModel(spec: EloModelSpec): EloConfig {
  return { ...PLAIN_ELO, ...spec };
}
