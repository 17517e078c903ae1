// Test helpers shared by every package's integration tests.
export { createTestDatabase, ensureTemplateDatabase, testServerUrl, type TestDatabase } from "./database.ts";
export { sharedDir, sharedPath, hasShared } from "./shared.ts";
