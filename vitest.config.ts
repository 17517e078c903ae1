import { defineConfig } from "vitest/config";

// Each package is a project with its own config; all share one database found by the global
// setup (TEST_DATABASE_URL, the local server, or an embedded one).
export default defineConfig({
  test: {
    projects: ["packages/*"],
  },
});
