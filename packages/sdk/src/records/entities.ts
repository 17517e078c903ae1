import { nameKey, toEntityId } from "./entity-id.ts";

/** A team or player as the plugin knows it, with how each source spells it. */
export interface Entity {
  /** Canonical id used in game ids and ratings: upper-case, no `_` ("BOS", "CARLOS-ALCARAZ"). */
  id: string;
  /** Display name ("Boston Bruins"). */
  name: string;
  /** Further names the entity goes by in sources or in the past ("LA Clippers", "Arizona Coyotes"). */
  names?: readonly string[];
  /**
   * Per-source codes that differ from `id`, keyed by source name: `{ kalshi: ["JAC"] }` for the
   * Jaguars whose id is "JAX". A source code equal to the id needs no entry.
   */
  codes?: Readonly<Record<string, readonly string[]>>;
}

/** Lookups over one plugin's entity catalog. */
export interface EntityIndex {
  readonly entities: readonly Entity[];
  get(id: string): Entity | undefined;
  /** Canonical id for a source's code: an alias of that source, else the code itself if it is a known id. */
  idFromCode(source: string, code: string): string | undefined;
  /** Canonical id for a display name in any source's spelling (accents, case, punctuation ignored). */
  idFromName(name: string): string | undefined;
  /**
   * Canonical id for a squashed place-style name as SBR archives write them ("GoldenState",
   * "LAClippers", "St.Louis"): the one entity one of whose names, without spaces, starts with
   * it. Ambiguous ("NewYork" in the NHL) or unknown gives undefined.
   */
  idFromPlacePrefix(name: string): string | undefined;
  /**
   * The id and display name of a team a source names by `code`: its catalog entry where there is
   * one, else an id made from the code and the name the payload gives (or the code itself).
   */
  resolve(source: string, code: string, payloadName?: string): { id: string; name: string };
}

/** Builds the lookups; a code or name claimed by two entities is a catalog bug and throws. */
export function createEntityIndex(entities: readonly Entity[]): EntityIndex {
  const byId = new Map<string, Entity>();
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  const claim = (map: Map<string, string>, key: string, id: string, what: string) => {
    const other = map.get(key);
    if (other !== undefined && other !== id) throw new Error(`${what} belongs to both ${other} and ${id}`);
    map.set(key, id);
  };
  for (const entity of entities) {
    if (byId.has(entity.id)) throw new Error(`entity id "${entity.id}" is listed twice`);
    if (toEntityId(entity.id) !== entity.id) throw new Error(`entity id "${entity.id}" is not canonical`);
    byId.set(entity.id, entity);
    for (const name of [entity.name, ...(entity.names ?? [])])
      claim(byName, nameKey(name), entity.id, `name "${name}"`);
    for (const [source, codes] of Object.entries(entity.codes ?? {})) {
      for (const code of codes)
        claim(byCode, `${source}:${code.toUpperCase()}`, entity.id, `${source} code "${code}"`);
    }
  }
  return {
    entities,
    get: (id) => byId.get(id),
    idFromCode(source, code) {
      const upper = code.toUpperCase();
      return byCode.get(`${source}:${upper}`) ?? (byId.has(upper) ? upper : undefined);
    },
    idFromName: (name) => byName.get(nameKey(name)),
    resolve(source, code, payloadName) {
      const id = this.idFromCode(source, code) ?? toEntityId(code);
      return { id, name: byId.get(id)?.name ?? (payloadName || code) };
    },
    idFromPlacePrefix(name) {
      const prefix = squash(name);
      if (!prefix) return undefined;
      const ids = new Set<string>();
      for (const [key, id] of byName) if (squash(key).startsWith(prefix)) ids.add(id);
      return ids.size === 1 ? [...ids][0] : undefined;
    },
  };
}

const squash = (name: string) => nameKey(name).replaceAll(" ", "");

/** Shorthand for catalogs: `entity("BOS", "Boston Bruins")`, extra spellings and codes optional. */
export function entity(id: string, name: string, extra: Omit<Entity, "id" | "name"> = {}): Entity {
  return { id, name, ...extra };
}

/**
 * A catalog from a table, one entity a line: `id | name`, then a cell per list, `names: ...` for
 * further names and `source: ...` for a source's codes, values separated by commas:
 * `OKC | Oklahoma City Thunder | sbr: OklahomaCity, Seattle | names: Seattle SuperSonics`.
 */
export function entityTable(table: string): Entity[] {
  return table
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [id, name, ...lists] = line.split("|").map((cell) => cell.trim());
      if (!id || !name) throw new Error(`entity row "${line}" is not "id | name | list: a, b"`);
      const codes: Record<string, string[]> = {};
      let names: string[] | undefined;
      for (const list of lists) {
        const cell = /^([\w-]+):(.+)$/.exec(list);
        if (!cell) throw new Error(`entity row "${line}": "${list}" is not "list: a, b"`);
        const values = cell[2]!.split(",").map((value) => value.trim());
        if (cell[1] === "names") names = values;
        else codes[cell[1]!] = values;
      }
      const hasCodes = Object.keys(codes).length > 0;
      return entity(id, name, { ...(names ? { names } : {}), ...(hasCodes ? { codes } : {}) });
    });
}
