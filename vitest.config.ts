import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One database for the whole run: TEST_DATABASE_URL, the local server, or an embedded one.
    globalSetup: ["packages/core/src/testing/global-setup.ts"],
    projects: ["packages/*"],
  },
});
