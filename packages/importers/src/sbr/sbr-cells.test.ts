import { describe, expect, it } from "vitest";
import { readAmerican, readCount, readPoints, readPuckLineText } from "./sbr-cells.ts";

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `! ${r.message}`;

describe("SBR cells", () => {
  it("reads sentinels as no line and pick'em as 0", () => {
    for (const s of ["NL", "nl", "", "-", null]) expect(value(readPoints(s))).toBeNull();
    expect(String(value(readPoints("pk")))).toBe("0");
    expect(String(value(readPoints("PK")))).toBe("0");
    expect(String(value(readPoints(189.5)))).toBe("189.5");
    expect(String(value(readPoints("7½")))).toBe("7.5");
  });

  it("refuses typos instead of repairing them", () => {
    for (const s of ["a100", "197.5u10", ".5+03"])
      expect(value(readPoints(s))).toMatch(/^! expected a number/);
    expect(value(readAmerican("a100"))).toMatch(/^! expected American odds/);
    expect(value(readCount("1O"))).toMatch(/^! expected a whole number/);
    expect(value(readCount(-42))).toMatch(/^! expected a whole number/);
  });

  it("refuses a moneyline under 100 either way", () => {
    expect(value(readAmerican(-7.5))).toMatch(/at least 100/);
    expect(value(readAmerican(8))).toMatch(/at least 100/);
    expect(String(value(readAmerican("-110")))).toBe("-110");
    expect(value(readAmerican("NL"))).toBeNull();
  });

  it("reads 2014-16's one-cell puck lines in both spellings", () => {
    const pl = (s: string) => {
      const r = value(readPuckLineText(s));
      return typeof r === "object" && r ? `${r.line} ${r.price}` : r;
    };
    expect(pl("+1.5(-305)")).toBe("1.5 -305");
    expect(pl("-1.5+240")).toBe("-1.5 240");
    expect(pl("NL")).toBeNull();
    expect(pl("+1.5(-35)")).toMatch(/^! puck line price/);
  });
});
