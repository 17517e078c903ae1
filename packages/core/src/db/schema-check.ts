// `edgeline db check`: the seed's check_schema.py. Compares the live database with the Prisma
// schema and with the seed's required keys and indexes.
import { readCatalog } from "./catalog.ts";
import { createPgClient } from "./clients.ts";
import { catalogOfScripts, schemaCreateSql } from "./expected-schema.ts";
import { checkSeedRequirements, compareCatalogs, type Difference } from "./schema-diff.ts";
import { seedRequirements } from "./seed-requirements.ts";

export async function checkSchema(connectionString: string): Promise<Difference[]> {
  const expected = await catalogOfScripts(connectionString, [await schemaCreateSql(connectionString)]);
  const client = createPgClient({ connectionString });
  await client.connect();
  try {
    const live = await readCatalog(client);
    // Tables the schema does not own (Prisma's migration history, another application's) are ignored.
    return [...compareCatalogs(expected, live), ...checkSeedRequirements(live, seedRequirements)];
  } finally {
    await client.end();
  }
}
