// `prisma generate` offline: the CLI insists on locating a schema-engine binary even though
// generate never runs it, so point it at any existing file (shared/notes/prisma-offline.md).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
execFileSync("pnpm", ["exec", "prisma", "generate"], { stdio: "inherit", env });
