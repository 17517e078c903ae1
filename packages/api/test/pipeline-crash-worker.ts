// Child process of pipeline-crash.test.ts: a worker whose `update_elo` writes its rows and then
// stops inside the open transaction, saying so on stdout, until the test kills it with SIGKILL.
import { DEFAULT_STAKING_LIMITS, STEP_DEFINITIONS, type StepDefinition } from "@edgeline/core";
import { Decimal } from "decimal.js";
import { startWorker } from "../src/worker/index.ts";
import { testOddsSource, testRegistry, testWorld } from "./pipeline-helpers.ts";

const url = process.env.CRASH_DATABASE_URL;
const day = process.env.CRASH_DAY;
if (!url || !day) throw new Error("CRASH_DATABASE_URL and CRASH_DAY are required");

const hanging: StepDefinition = {
  name: "update_elo",
  async prepare(deps, target) {
    const write = await STEP_DEFINITIONS.update_elo.prepare(deps, target);
    return async (client) => {
      const n = await write(client);
      console.log(`IN_WRITE ${n}`);
      return new Promise<number>(() => {});
    };
  },
};

const world = testWorld(day);
await startWorker({
  connectionString: url,
  plugins: testRegistry(world),
  schedule: false,
  concurrency: 1,
  pollIntervalMs: 100,
  steps: { update_elo: hanging },
  deps: {
    oddsSources: [testOddsSource(world)],
    bankroll: new Decimal(1000),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: () => new Date(`${day}T12:00:00Z`),
  },
});
console.log("READY");
