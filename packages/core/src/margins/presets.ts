// Margin models for the Elo sports with a published points-per-Elo rule. Each number is either
// 538's or fitted by fit-margin.ts on the named data; the tests refit them where the data is present.
import type { EloMarginModel } from "./elo-margin.ts";

export const nflMarginModel: EloMarginModel = {
  name: "fivethirtyeight-nfl-margin",
  eloPerPoint: 25,
  marginSd: 13.61,
  totalSd: 14.08,
  ties: true,
  sources: {
    eloPerPoint:
      "538 NFL methodology: 'divide ELODIFF by 25 to get the spread'; least squares on 538's nfl_games.csv 2000-2020 (5,593 games) gives 24.99",
    marginSd:
      "fitted (RMS of margin − ELODIFF/25) on 538's nfl_games.csv seasons 2000-2020; Stern (1991) found 13.86 against the betting line",
    totalSd:
      "fitted on nfl_games.csv 2000-2020 about each season's mean total: an upper bound, as a market total explains part of the spread; refit with fitNormalSd on market totals",
  },
};

export const nbaMarginModel: EloMarginModel = {
  name: "fivethirtyeight-nba-margin",
  eloPerPoint: 28,
  marginSd: 14.52,
  totalSd: 19.93,
  ties: false,
  sources: {
    eloPerPoint:
      "538 'How We Calculate NBA Elo Ratings' (2015): the Elo difference divided by 28 is the point spread (UNVERIFIED quote; the one 538 season file at hand, 2020-21, fits 35.6 with few fans in arenas)",
    marginSd: "fitted (RMS of margin − ELODIFF/28) on 538's nba_elo 2020-21 file, 1,051 played games",
    totalSd:
      "fitted on the same file about the season's mean total: an upper bound; refit with fitNormalSd on market totals",
  },
};

/** Margin models by sport code; sports without one price spreads from their goals model or not at all. */
export const ELO_MARGIN_MODELS: Readonly<Record<string, EloMarginModel>> = {
  NFL: nflMarginModel,
  NBA: nbaMarginModel,
};

/** Margin models by name, the names a sport plugin's `model.margin` refers to. */
export const MARGIN_MODEL_PRESETS: Readonly<Record<string, EloMarginModel>> = Object.fromEntries(
  [nflMarginModel, nbaMarginModel].map((m) => [m.name, m]),
);
