import { describe, expect, it } from "vitest";
import { createEntityIndex, entity } from "./entities.ts";
import { toEntityId } from "./entity-id.ts";

describe("entity catalogs", () => {
  const index = createEntityIndex([
    entity("JAX", "Jacksonville Jaguars", { codes: { kalshi: ["JAC"] } }),
    entity("MTL", "Montréal Canadiens"),
    entity("LAC", "Los Angeles Clippers", { names: ["LA Clippers"] }),
  ]);

  it("maps source codes through aliases, else accepts canonical ids", () => {
    expect(index.idFromCode("kalshi", "JAC")).toBe("JAX");
    expect(index.idFromCode("kalshi", "jax")).toBe("JAX");
    expect(index.idFromCode("espn", "JAC")).toBeUndefined();
  });

  it("matches names across spellings (accents, case, punctuation)", () => {
    expect(index.idFromName("Montreal Canadiens")).toBe("MTL");
    expect(index.idFromName("la clippers")).toBe("LAC");
    expect(index.idFromName("Memphis Grizzlies")).toBeUndefined();
  });

  it("matches SBR's squashed place names by unique prefix", () => {
    const nhl = createEntityIndex([
      entity("NYR", "New York Rangers", { names: ["NY Rangers"] }),
      entity("NYI", "New York Islanders", { names: ["NY Islanders"] }),
      entity("STL", "St. Louis Blues"),
    ]);
    expect(nhl.idFromPlacePrefix("NYRangers")).toBe("NYR");
    expect(nhl.idFromPlacePrefix("St.Louis")).toBe("STL");
    expect(nhl.idFromPlacePrefix("NewYork")).toBeUndefined();
    expect(nhl.idFromPlacePrefix("")).toBeUndefined();
  });

  it("refuses a catalog where two entities claim the same code or id", () => {
    expect(() =>
      createEntityIndex([
        entity("A", "A", { codes: { kalshi: ["X"] } }),
        entity("B", "B", { codes: { kalshi: ["X"] } }),
      ]),
    ).toThrow('kalshi code "X" belongs to both A and B');
    expect(() => createEntityIndex([entity("A", "A"), entity("A", "B")])).toThrow(
      'entity id "A" is listed twice',
    );
  });

  it("normalises ids: accents, punctuation and spaces", () => {
    expect(toEntityId("Dušan Lajović")).toBe("DUSAN-LAJOVIC");
    expect(toEntityId("TA&M")).toBe("TA-M");
  });
});
