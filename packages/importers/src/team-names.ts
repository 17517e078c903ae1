import type { EntityIndex } from "@edgeline/sdk";
import { ImportError, type Problem } from "./problems.ts";

/**
 * Team names as a history source writes them, to the sport's stable entity ids. Looked up in the
 * catalog's per-source codes first ("Man United" under `football-data`, "NewJersey" under `sbr`),
 * then with the spaces taken out (files write "LA Clippers" and "LAClippers"), then among the
 * catalog's names. Nothing is guessed: an unknown name is collected with every row it occurs in,
 * and `assertAllKnown` refuses the file listing them all.
 */
export class TeamNames {
  private readonly cache = new Map<string, string | undefined>();
  private readonly unknown = new Map<string, number[]>();

  constructor(
    private readonly entities: EntityIndex,
    /** Key of the source's codes in the catalog: "football-data", "sbr", "fivethirtyeight", "plain". */
    readonly source: string,
  ) {}

  /** The entity id of a name, without remembering an unknown one (for a second spelling to try). */
  peek(raw: string): string | undefined {
    const name = raw.trim().replace(/\s+/g, " ");
    if (!this.cache.has(name)) this.cache.set(name, this.lookup(name));
    return this.cache.get(name);
  }

  /** The entity id of a name, or undefined (remembered with its row for the final report). */
  resolve(raw: string, row: number): string | undefined {
    const name = raw.trim().replace(/\s+/g, " ");
    const id = this.peek(name);
    if (id === undefined) {
      const rows = this.unknown.get(name) ?? [];
      rows.push(row);
      this.unknown.set(name, rows);
    }
    return id;
  }

  /** The catalog's display name of an id. */
  displayName(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }

  /** Unknown names always refuse the file, skip mode or not: the catalog needs the spelling. */
  assertAllKnown(file: string, sheet: string | null, column: string): void {
    if (this.unknown.size === 0) return;
    const problems: Problem[] = [...this.unknown].map(([name, rows]) => ({
      file,
      sheet,
      row: rows[0] ?? null,
      column,
      value: name,
      message: `unknown team name ${JSON.stringify(name)} (rows ${rows.join(", ")}); add it to the sport's entity catalog under codes["${this.source}"]`,
      severity: "error" as const,
      drops: "game" as const,
    }));
    const names = [...this.unknown.keys()].map((n) => JSON.stringify(n)).join(", ");
    throw new ImportError(`${file}: unknown team names: ${names}`, problems);
  }

  private lookup(name: string): string | undefined {
    return (
      this.entities.idFromCode(this.source, name) ??
      this.entities.idFromCode(this.source, name.replaceAll(" ", "")) ??
      this.entities.idFromName(name)
    );
  }
}
