// Database access: clients, migrations, schema checks, the embedded server.
export {
  createPgClient,
  createPgPool,
  createPrismaClient,
  type DbOptions,
  type PgClientOptions,
  type PrismaClient,
} from "./clients.ts";
export {
  type EmbeddedDatabase,
  embeddedAccessProblem,
  embeddedBinariesDir,
  startEmbeddedPostgres,
} from "./embedded.ts";
export { pendingMigrations } from "./migration-status.ts";
export { createMigration, type MigrateResult, migrate } from "./migrations.ts";
export { prismaPaths } from "./paths.ts";
export { checkSchema } from "./schema-check.ts";
export { type Difference, describeDifference } from "./schema-diff.ts";
export {
  errorChain,
  errorCodes,
  isDatabaseUnavailable,
  type WaitOptions,
  waitForDatabaseOnConnect,
} from "./unavailable.ts";
