// A worker killed with SIGKILL in the middle of a step's write: the server rolls the write back
// (no partial rows), the liveness lock of the dead worker vanishes with its connection, another
// worker's recovery sweep releases the job within interval + grace, and the run completes with
// every table as a clean run leaves it: nothing lost, nothing duplicated.
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

describe("a worker killed mid-step", () => {
  it("leaves no partial rows, and the step runs again after recovery with nothing lost or duplicated", async () => {
    const expected = await runClean(await harness.database(), DAY);
    const { db, pool } = await harness.database();
    const plugins = testRegistry(testWorld(DAY));
    const q = await queueDag({ sport: "TST", date: DAY }, { pool, plugins });

    const child = harness.spawnWorker(db.url, DAY);
    const inWrite = await waitForLine(child, "IN_WRITE");
    expect(Number(inWrite.split(" ")[1])).toBeGreaterThan(0); // it had written rows, uncommitted
    expect((await pool.query("SELECT count(*)::int AS n FROM elo_ratings")).rows[0].n).toBe(0);
    const { rows: locked } = await pool.query(
      "SELECT key FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL",
    );
    expect(locked.map((r) => r.key)).toEqual([`multi_sport_betting_workflow:TST:${DAY}:update_elo`]);

    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect((await pool.query("SELECT count(*)::int AS n FROM elo_ratings")).rows[0].n).toBe(0);

    const recovered: string[] = [];
    await completeRun(
      pool,
      q,
      {
        ...childWorldOptions(db.url, DAY),
        onRecovered: (jobs) => recovered.push(...jobs.map((j) => j.key!)),
      },
      DAY,
    );
    expect(recovered).toEqual([`multi_sport_betting_workflow:TST:${DAY}:update_elo`]);
    const { rows: attempts } = await pool.query(
      "SELECT status, attempt, error FROM pipeline_runs WHERE step = 'update_elo' ORDER BY run_id",
    );
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ status: "failed", attempt: 1 });
    expect(attempts[0].error).toMatch(/stopped during this attempt/);
    expect(attempts[1]).toMatchObject({ status: "succeeded", attempt: 2, error: null });
    expect(comparable(await dumpTables(pool))).toEqual(comparable(expected));
  });
});
