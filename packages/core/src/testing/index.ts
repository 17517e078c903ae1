// Test helpers shared by every package's integration tests.
export { createTestDatabase, ensureTemplateDatabase, type TestDatabase, testServerUrl } from "./database.ts";
export * from "./pipeline.ts";
export * from "./records.ts";
