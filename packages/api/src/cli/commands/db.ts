// `edgeline db migrate | migration <name> | check`: schema management without Prisma's native engine.
import { checkSchema, createMigration, describeDifference, loadConfig, migrate } from "@edgeline/core";
import type { Command } from "commander";
import { resolveDatabase } from "../../runtime/database.ts";
import { CliExit } from "../exit.ts";

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const db = await resolveDatabase(loadConfig());
  try {
    return await fn(db.url);
  } finally {
    await db.release();
  }
}

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("database schema: migrate, create migrations, check");

  db.command("migrate")
    .description("apply pending migrations (adopts a database of the original system)")
    .action(() =>
      withDatabase(async (url) => {
        const result = await migrate(url);
        if (result.adopted) {
          console.log(
            `adopted an existing database: ${result.adopted.statementsApplied} repair statement(s), ` +
              `baselined ${result.adopted.baselined.join(", ")}`,
          );
        } else if (result.applied.length === 0) {
          console.log("database is up to date");
        } else {
          for (const name of result.applied) console.log(`applied ${name}`);
        }
      }),
    );

  db.command("migration")
    .argument("<name>", "lower_snake_case name of the migration")
    .description(
      "write a new migration from the difference between the last migration and prisma/schema.prisma",
    )
    .action((name: string) =>
      withDatabase(async (url) => {
        const created = await createMigration(url, name);
        if (!created) console.log("no changes: prisma/schema.prisma matches the newest migration");
        else console.log(`wrote ${created.directory}/migration.sql\n\n${created.sql}`);
      }),
    );

  db.command("check")
    .description("compare the live database with the Prisma schema and the seed's required indexes")
    .action(() =>
      withDatabase(async (url) => {
        const diffs = await checkSchema(url);
        if (diffs.length === 0) {
          console.log("schema OK: the database matches prisma/schema.prisma and the seed's requirements");
          return;
        }
        console.log(`${diffs.length} difference(s):`);
        for (const d of diffs) console.log(`  ${describeDifference(d)}`);
        throw new CliExit(1);
      }),
    );
}
