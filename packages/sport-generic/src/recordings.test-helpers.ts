import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The recorded real payloads are read in place beside the repository, never copied in. */
const fixturesDir = path.resolve(import.meta.dirname, "../../..", "../shared/fixtures");

/** Path of a recording, and whether it exists (tests that need it skip, saying so, when absent). */
export function recording(...parts: string[]): { file: string; present: boolean } {
  const file = path.join(fixturesDir, ...parts);
  const present = existsSync(file);
  if (!present) console.warn(`[sport-generic] ${file} is absent: tests that read it are skipped`);
  return { file, present };
}

export function readRecording(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}
