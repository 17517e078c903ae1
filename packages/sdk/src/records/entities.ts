import { z } from "zod";
import { ENTITY_ID_PATTERN, nameKey, toEntityId } from "./entity-id.ts";

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

/** An entity catalog as a plugin declares it (or a data file holds it), checked. */
export const entityCatalogSchema = z.array(
  z.object({
    id: z.string().regex(ENTITY_ID_PATTERN, "must be upper-case letters/digits joined by '-'"),
    name: z.string().min(1),
    names: z.array(z.string().min(1)).optional(),
    codes: z.record(z.string(), z.array(z.string().min(1))).optional(),
  }),
);
