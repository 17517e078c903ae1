import { existsSync } from "node:fs";
import path from "node:path";

/** Repository root (this file is packages/core/src/fake-upstream/…). */
const repoRoot = path.resolve(import.meta.dirname, "../../../..");

/**
 * The recorded real payloads live beside the repository in ../shared/fixtures and are read in
 * place, never copied in. Tests skip (saying so) where the folder is absent.
 */
export const recordedFixturesDir = path.resolve(repoRoot, "../shared/fixtures");

export function recordedFixture(...parts: string[]): string {
  return path.join(recordedFixturesDir, ...parts);
}

/** True when the recording exists; otherwise warns that the tests reading it are skipped. */
export function hasRecordedFixture(...parts: string[]): boolean {
  const file = recordedFixture(...parts);
  if (existsSync(file)) return true;
  console.warn(`[edgeline] ${file} is absent: tests that read it are skipped`);
  return false;
}
