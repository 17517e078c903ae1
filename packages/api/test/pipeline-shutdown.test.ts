// SIGTERM to a worker in the middle of a step's write: the step finishes and commits, the worker
// takes no further job and exits 0, and the rest of the DAG runs later on another worker with
// every table as an uninterrupted run leaves it (no failed attempt, nothing retried).
import { afterAll, describe, expect, it } from "vitest";
import { queueDag } from "../src/worker/index.ts";
import {
  childHarness,
  childWorldOptions,
  comparable,
  completeRun,
  runClean,
  waitForLine,
} from "./pipeline-child.ts";
import { dumpTables, testRegistry, testWorld } from "./pipeline-helpers.ts";

const DAY = "2024-01-20";
const harness = childHarness();
afterAll(() => harness.cleanup());

describe("a worker stopped with SIGTERM mid-step", () => {
  it("finishes the running step, exits 0, and leaves the rest of the run to the next worker", async () => {
    const expected = await runClean(await harness.database(), DAY);
    const { db, pool } = await harness.database();
    const q = await queueDag({ sport: "TST", date: DAY }, { pool, plugins: testRegistry(testWorld(DAY)) });

    const child = harness.spawnWorker(db.url, DAY, 1_500);
    await waitForLine(child, "IN_WRITE");
    const exitCode = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exitCode).toBe(0);

    const { rows: afterStop } = await pool.query(
      "SELECT step, status, attempt FROM pipeline_runs WHERE run_id >= $1 ORDER BY run_id",
      [q.runs[0]!.runId],
    );
    // update_elo committed; its successor is queued, not started: the worker took no new job.
    expect(afterStop.find((r) => r.step === "update_elo")).toMatchObject({ status: "succeeded", attempt: 1 });
    expect(afterStop.find((r) => r.step === "identify_bets")).toMatchObject({ status: "queued" });
    // The finished job is recorded as done before the process exits: nothing is left locked.
    const { rows: locked } = await pool.query(
      "SELECT key FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL",
    );
    expect(locked).toEqual([]);

    await completeRun(pool, q, childWorldOptions(db.url, DAY), DAY);
    const { rows: failed } = await pool.query(
      "SELECT count(*)::int AS n FROM pipeline_runs WHERE status <> 'succeeded'",
    );
    expect(failed[0].n).toBe(0);
    expect(comparable(await dumpTables(pool))).toEqual(comparable(expected));
  });
});
