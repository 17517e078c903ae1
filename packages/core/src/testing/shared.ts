// The read-only ../shared folder beside the repository (recorded payloads, datasets). Tests read
// it in place and skip, saying so, where it is absent.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { prismaPaths } from "../db/paths.ts";

export const sharedDir = join(prismaPaths.repoRoot, "..", "shared");

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/** True when the file exists; otherwise logs why the dependent tests are skipped. */
export function hasShared(...parts: string[]): boolean {
  const p = sharedPath(...parts);
  if (existsSync(p)) return true;
  console.warn(`[edgeline] ${p} is absent: tests that read it are skipped`);
  return false;
}
