// `edgeline keys create --scope read|write [--name <label>] | list | revoke <key-id>`: API keys
// for the GraphQL API. `create` prints the key once, alone on stdout (so a script can capture it);
// the database keeps only its SHA-256 digest.
import { createPrismaClient, loadConfig } from "@edgeline/core";
import type { Command } from "commander";
import { createApiKey, listApiKeys, revokeApiKey } from "../../auth/api-key-store.ts";
import { isScope, SCOPES } from "../../auth/scopes.ts";
import { resolveDatabase } from "../../runtime/database.ts";
import { CliExit } from "../exit.ts";

async function withPrisma<T>(fn: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = await resolveDatabase(loadConfig());
  const prisma = createPrismaClient({ connectionString: db.url, poolSize: 1 });
  try {
    return await fn(prisma);
  } finally {
    await prisma.$disconnect();
    await db.release();
  }
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command("keys").description("API keys of the GraphQL API");

  keys
    .command("create")
    .description("create a key and print it once (only its SHA-256 digest is stored)")
    .requiredOption("--scope <scope>", `what the key may do: ${SCOPES.join(" or ")} (write includes read)`)
    .option("--name <label>", "a label to recognise the key by in `keys list`")
    .action((opts: { scope: string; name?: string }) => {
      if (!isScope(opts.scope)) {
        console.error(`error: --scope must be ${SCOPES.join(" or ")}`);
        throw new CliExit(2);
      }
      const scope = opts.scope;
      return withPrisma(async (prisma) => {
        const created = await createApiKey(prisma, scope, opts.name);
        console.error(
          `created ${created.scope} key ${created.keyId}${created.name ? ` (${created.name})` : ""}`,
        );
        console.error("store it now: it is not shown again. Send it as Authorization: Bearer <key>");
        console.log(created.key);
      });
    });

  keys
    .command("list")
    .description("list keys (ids, scopes, names; never the keys)")
    .action(() =>
      withPrisma(async (prisma) => {
        for (const k of await listApiKeys(prisma)) {
          const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "live";
          console.log(`${k.keyId}  ${k.scope.padEnd(5)}  ${state.padEnd(32)}  ${k.name ?? ""}`.trimEnd());
        }
      }),
    );

  keys
    .command("revoke")
    .argument("<key-id>", "the id shown by `keys create` or `keys list`")
    .description("revoke a key: requests with it get 401 from then on")
    .action((keyId: string) =>
      withPrisma(async (prisma) => {
        if (!(await revokeApiKey(prisma, keyId))) {
          console.error(`error: no live key ${keyId}`);
          throw new CliExit(1);
        }
        console.log(`revoked ${keyId}`);
      }),
    );
}
