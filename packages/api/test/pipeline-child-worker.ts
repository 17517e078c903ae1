// Child process of the crash and shutdown tests: a worker whose `update_elo` writes its rows and
// then, inside the open transaction, says IN_WRITE on stdout and either hangs (until the test kills
// it with SIGKILL) or, with CHILD_PAUSE_MS, waits that long and commits. SIGTERM stops the worker
// as `edgeline worker` does: running jobs finish, then the process exits 0.
import { DEFAULT_STAKING_LIMITS, STEP_DEFINITIONS, type StepDefinition } from "@edgeline/core";
import { Decimal } from "decimal.js";
import { startWorker } from "../src/worker/index.ts";
import { testRegistry, testWorld } from "./pipeline-helpers.ts";

const url = process.env.CHILD_DATABASE_URL;
const day = process.env.CHILD_DAY;
const pauseMs = process.env.CHILD_PAUSE_MS ? Number(process.env.CHILD_PAUSE_MS) : undefined;
if (!url || !day) throw new Error("CHILD_DATABASE_URL and CHILD_DAY are required");

const pausing: StepDefinition = {
  name: "update_elo",
  async prepare(deps, target) {
    const write = await STEP_DEFINITIONS.update_elo.prepare(deps, target);
    return async (client) => {
      const n = await write(client);
      console.log(`IN_WRITE ${n}`);
      if (pauseMs === undefined) return new Promise<number>(() => {});
      await new Promise((r) => setTimeout(r, pauseMs));
      return n;
    };
  },
};

const world = testWorld(day);
const worker = await startWorker({
  connectionString: url,
  plugins: testRegistry(world),
  schedule: false,
  concurrency: 1,
  pollIntervalMs: 100,
  steps: { update_elo: pausing },
  deps: {
    bankroll: new Decimal(1000),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: () => new Date(`${day}T12:00:00Z`),
  },
});
process.once("SIGTERM", () => {
  console.log("STOPPING");
  void worker.stop().then(() => process.exit(0));
});
console.log("READY");
