// Where the Prisma schema and its migrations live, relative to this package (works from any cwd).
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

export const prismaPaths = {
  repoRoot,
  schema: fileURLToPath(new URL("../../../../prisma/schema.prisma", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url)),
};
