// Writes packages/api/schema.graphql from the code: `pnpm --filter @edgeline/api schema:print`.
// test/graphql-schema.test.ts fails when the committed file differs from this output.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printedSchema } from "./schema.ts";

export const schemaFile = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaFile, printedSchema());
  console.log(`wrote ${schemaFile}`);
}
