// Prisma CLI configuration. The CLI is used here only for `prisma generate`; migrations run through
// the WebAssembly schema engine (packages/core/src/db/migrations), which reads the same folder.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/edgeline" },
});
