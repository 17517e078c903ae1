import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The read-only ../shared folder beside the repository: recorded real payloads (fixtures/),
// datasets and references. Tests read it in place, never copied in, and skip, saying so, where
// it is absent (a user's clone without it still passes).

/** Repository root (this file is packages/testkit/src/…). */
const repoRoot = path.resolve(import.meta.dirname, "../../..");

export const sharedDir = path.resolve(repoRoot, "../shared");

export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir, ...parts);
}

/** True when the file exists; otherwise logs why the dependent tests are skipped. */
export function hasShared(...parts: string[]): boolean {
  const p = sharedPath(...parts);
  if (existsSync(p)) return true;
  console.warn(`[edgeline] ${p} is absent: tests that read it are skipped`);
  return false;
}

/** The recorded real payloads of every upstream, laid out as the fake upstream serves them. */
export const recordedFixturesDir = sharedPath("fixtures");

export function recordedFixture(...parts: string[]): string {
  return path.join(recordedFixturesDir, ...parts);
}

/** True when the recording exists; otherwise warns that the tests reading it are skipped. */
export function hasRecordedFixture(...parts: string[]): boolean {
  return hasShared("fixtures", ...parts);
}

/** A recording's path and whether it exists (tests that need it skip, saying so, when absent). */
export function recording(...parts: string[]): { file: string; present: boolean } {
  return { file: recordedFixture(...parts), present: hasRecordedFixture(...parts) };
}

/** A recording's parsed JSON. */
export function readRecording(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}
