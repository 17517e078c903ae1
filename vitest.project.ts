// The settings every package's vitest project shares; each package's vitest.config.ts uses it.
import { defineProject } from "vitest/config";

export function edgelineProject() {
  return defineProject({
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      // One database for the run: TEST_DATABASE_URL, the local server, or an embedded one.
      globalSetup: [new URL("./packages/core/src/testing/global-setup.ts", import.meta.url).pathname],
      // Routine log lines (jobs done, fetches) would drown the test output; warnings still show.
      env: { EDGELINE_LOG_LEVEL: process.env.EDGELINE_LOG_LEVEL ?? "warn" },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}
