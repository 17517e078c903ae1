// The generated Prisma client and Pothos types, from @edgeline/core's subpaths for its generated
// folder. This is the only file of the API that imports them.

export type {
  BetRecommendation,
  EloRating,
  GameOdds,
  OddsQuote,
  PipelineRun,
  PlacedBet,
  PortfolioSnapshot,
  UnifiedGame,
} from "@edgeline/core/prisma";
export { Prisma, PrismaClient } from "@edgeline/core/prisma";
export type { default as PrismaTypes } from "@edgeline/core/prisma/pothos-types";
export { getDatamodel } from "@edgeline/core/prisma/pothos-types";
