// Unit tests of the dashboard's pure modules (formatting, drawdown, exposure, prices, the run grid):
// no database, no browser. The browser tests live in packages/api/test (they need a real server).
import { defineProject } from "vitest/config";

export default defineProject({
  test: { include: ["src/**/*.test.ts"] },
});
