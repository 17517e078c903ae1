// The generated Prisma client and Pothos types, reached by path: @edgeline/core exports no subpath
// for its generated folder yet. This is the only file that knows where they live.

export type {
  BetRecommendation,
  EloRating,
  GameOdds,
  PipelineRun,
  PlacedBet,
  PortfolioSnapshot,
  UnifiedGame,
} from "../../../core/src/generated/prisma/client.ts";
export { Prisma, PrismaClient } from "../../../core/src/generated/prisma/client.ts";
export type { default as PrismaTypes } from "../../../core/src/generated/prisma/pothos-types.ts";
export { getDatamodel } from "../../../core/src/generated/prisma/pothos-types.ts";
