import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * A directory of payloads laid out like ../shared/fixtures: one folder per API (`nhl/`, `nba/`,
 * `espn/`, `kalshi/`, `the-odds-api/`), file names starting with the endpoint and key
 * (`schedule-2023-11-11.json`, `markets-KXNFLGAME-….json`). The demo generator writes the same
 * layout, so one server serves both. Files are read on every request: the demo may rewrite them.
 */
export class PayloadStore {
  constructor(readonly dir: string) {}

  /** Files of `folder` whose name starts with `prefix` and ends in .json, sorted by name. */
  async find(folder: string, prefix: string): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(path.join(this.dir, folder));
    } catch {
      return [];
    }
    return names
      .filter((n) => n.startsWith(prefix) && n.endsWith(".json"))
      .sort()
      .map((n) => path.join(this.dir, folder, n));
  }

  /** The first file matching, parsed; undefined when there is none. */
  async first(folder: string, prefix: string): Promise<unknown> {
    const [file] = await this.find(folder, prefix);
    return file === undefined ? undefined : this.read(file);
  }

  async read(file: string): Promise<unknown> {
    return JSON.parse(await readFile(file, "utf8"));
  }
}
