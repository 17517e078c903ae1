// `prisma generate` offline: the CLI insists on locating a schema-engine binary even though
// generate never runs it, so point it at any existing file (shared notes: prisma-offline.md).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { delimiter } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
// The Pothos generator is a bin of this workspace; run from anywhere, the CLI must still find it.
env.PATH = `${fileURLToPath(new URL("../node_modules/.bin", import.meta.url))}${delimiter}${env.PATH ?? ""}`;
// Run from the repository root, where prisma.config.ts is, whatever the caller's folder.
const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env, cwd: root });
