// Prometheus' own checker, Debian's `prometheus` package (installed by .ci/run): tests that need
// it skip, saying so, where it is absent.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

export const PROMTOOL = ["/usr/bin/promtool", "/usr/local/bin/promtool"].find((p) => existsSync(p));
if (!PROMTOOL) console.warn("promtool not found (apt-get install prometheus): the promtool checks skip");

/** `promtool check metrics` on a scrape's text; resolves with its output, rejects on a problem. */
export async function promtoolCheckMetrics(text: string): Promise<string> {
  const child = run(PROMTOOL!, ["check", "metrics"], { encoding: "utf8" });
  child.child.stdin!.end(text);
  const { stdout, stderr } = await child;
  return stdout + stderr;
}

export async function promtoolCheckRules(file: string): Promise<string> {
  const { stdout, stderr } = await run(PROMTOOL!, ["check", "rules", file], { encoding: "utf8" });
  return stdout + stderr;
}

/** The value of one sample of a scrape (`name{a="b",...}` with labels in any order), or undefined. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (
      Object.entries(labels).every(([k, v]) => got[k] === v) &&
      Object.keys(got).length === Object.keys(labels).length
    )
      return Number(m[3]);
  }
  return undefined;
}
