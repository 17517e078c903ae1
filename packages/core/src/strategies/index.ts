// The bundled strategies, written against the public strategy contract only (@edgeline/sdk), and
// listed in edgeline.plugins.json like any third party's: model-edge (today's rule), sharp-reference,
// consensus, arbitrage (with middles).
import { arbitrage } from "./arbitrage.ts";
import { consensus } from "./consensus.ts";
import { modelEdge } from "./model-edge.ts";
import { sharpReference } from "./sharp-reference.ts";

export * from "./markets.ts";
export { arbitrage, consensus, modelEdge, sharpReference };

export const BUNDLED_STRATEGIES = [modelEdge, sharpReference, consensus, arbitrage] as const;

export default BUNDLED_STRATEGIES;
