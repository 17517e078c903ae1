// `pnpm --filter @edgeline/dashboard build` (and `pnpm build`): a production build of dist/.
import { buildDashboard } from "./bundle.ts";

await buildDashboard();
