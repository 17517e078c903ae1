import { createEntityIndex, entity } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { ImportError } from "./problems.ts";
import { TeamNames } from "./team-names.ts";

const index = createEntityIndex([
  entity("OKC", "Oklahoma City Thunder", {
    names: ["Seattle SuperSonics"],
    codes: { sbr: ["OklahomaCity", "Seattle"] },
  }),
  entity("LAC", "Los Angeles Clippers", { names: ["LA Clippers"], codes: { sbr: ["LAClippers"] } }),
]);

describe("team names of a source", () => {
  it("resolves the source's codes, spaced variants of them, and the catalog's names", () => {
    const teams = new TeamNames(index, "sbr");
    expect(teams.resolve("Seattle", 2)).toBe("OKC");
    expect(teams.resolve(" Oklahoma City ", 3)).toBe("OKC");
    expect(teams.resolve("LA Clippers", 4)).toBe("LAC");
    expect(teams.resolve("Seattle SuperSonics", 5)).toBe("OKC");
    expect(() => teams.assertAllKnown("f.csv", null, "Team")).not.toThrow();
  });

  it("refuses the file listing every unknown name with all its rows", () => {
    const teams = new TeamNames(index, "sbr");
    teams.resolve("Sonics", 7);
    teams.resolve("Sonics", 9);
    teams.resolve("Vancouver", 12);
    const error = (() => {
      try {
        teams.assertAllKnown("f.csv", null, "Team");
      } catch (e) {
        return e as ImportError;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message.split("\n")[0]).toBe('f.csv: unknown team names: "Sonics", "Vancouver"');
    expect(error?.problems.map((p) => [p.value, p.row, p.message.split(" (")[1]?.split(")")[0]])).toEqual([
      ["Sonics", 7, "rows 7, 9"],
      ["Vancouver", 12, "rows 12"],
    ]);
  });
});
