import {
  americanFromDecimal,
  contractCents,
  contractDollarString,
  contractPriceFromCents,
  contractPriceFromDecimal,
  contractPriceFromDollars,
  decimalFromAmerican,
  decimalFromContractPrice,
  decimalFromFractional,
  exactDecimalFromAmerican,
  exactDecimalFromContractPrice,
  fractionalFromDecimal,
  storedDecimal,
  storedPrice,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consensusProbabilities } from "./consensus.ts";
import { DEVIG_METHODS, devig, overround } from "./devig.ts";

const close = (actual: readonly number[], expected: readonly number[], tol = 1e-9) => {
  expect(actual).toHaveLength(expected.length);
  for (const [i, a] of actual.entries()) expect(Math.abs(a - expected[i]!)).toBeLessThan(tol);
};

describe("published de-vig vectors (notes §3), to 1e-9", () => {
  it("multiplicative [2.7, 2.3, 4.4] (penaltyblog docs), margin 0.0324", () => {
    const r = devig([2.7, 2.3, 4.4], "multiplicative");
    close(r.probabilities, [0.35873803615739097, 0.4211272598369373, 0.22013470400567173]);
    expect(r.margin).toBeCloseTo(0.0324, 4);
  });
  it("Shin [2.7, 2.3, 4.4] (penaltyblog docs), z ≈ 0.0162", () => {
    const r = devig([2.7, 2.3, 4.4], "shin");
    close(r.probabilities, [0.35934391959159157, 0.42324384818283234, 0.21741223222458853]);
    expect(r.parameter!.value).toBeCloseTo(0.0162, 4);
  });
  it("Shin [2.6, 2.4, 4.3] (mberk/shin README and tests)", () => {
    const r = devig([2.6, 2.4, 4.3], "shin");
    close(r.probabilities, [0.37299406033208965, 0.4047794109200184, 0.2222265287474275]);
    expect(Math.abs(r.parameter!.value - 0.01694251276407055)).toBeLessThan(1e-9);
  });
  it("Shin with two outcomes equals additive [1.5, 2.74] (mberk/shin README)", () => {
    const r = devig([1.5, 2.74], "shin");
    close(r.probabilities, [0.6508515815085157, 0.3491484184914841]);
    expect(Math.abs(r.parameter!.value - 0.03172728540646625)).toBeLessThan(1e-9);
    close(devig([1.5, 2.74], "additive").probabilities, r.probabilities, 1e-12);
  });
  it("additive, power and odds ratio (notes' computed table, 10 dp)", () => {
    close(devig([2.7, 2.3, 4.4], "additive").probabilities, [0.3595618016, 0.4239740399, 0.2164641585], 1e-9);
    const power = devig([2.7, 2.3, 4.4], "power");
    close(power.probabilities, [0.3591710999, 0.423730753, 0.2170981472], 1e-9);
    expect(power.parameter!.value).toBeCloseTo(1.0309132393, 9);
    const or = devig([2.7, 2.3, 4.4], "odds-ratio");
    close(or.probabilities, [0.3588103621, 0.4225614222, 0.2186282157], 1e-9);
    expect(or.parameter!.value).toBeCloseTo(1.0511691273, 9);
    close(devig([1.5, 2.74], "power").probabilities, [0.6531522798, 0.3468477202], 1e-9);
    close(devig([1.5, 2.74], "odds-ratio").probabilities, [0.6510178183, 0.3489821817], 1e-9);
    expect(devig([1.91, 1.91], "power").parameter!.value).toBeCloseTo(1.0711539296, 9);
    expect(devig([1.91, 1.91], "odds-ratio").parameter!.value).toBeCloseTo(1.0989010989, 9);
  });
  it("[4.2, 3.7, 1.95]: multiplicative and Shin (notes §3)", () => {
    close(devig([4.2, 3.7, 1.95]).probabilities, [0.2331555986, 0.264663112, 0.5021812894]);
    const shin = devig([4.2, 3.7, 1.95], "shin");
    close(shin.probabilities, [0.2315719589, 0.2635744963, 0.5048535448]);
    expect(shin.parameter!.value).toBeCloseTo(0.0106080582, 9);
  });
});

describe("de-vig input errors", () => {
  it("rejects under-round books (R implied's test), one outcome, and odds ≤ 1", () => {
    expect(() => devig([1 / 0.87, 1 / 0.1], "shin")).toThrow(/under-round/);
    expect(() => devig([1.5])).toThrow(/at least two outcomes/);
    expect(() => devig([1.0, 2.0])).toThrow(/outcome 1 must be a finite number greater than 1/);
    expect(() => devig([Number.NaN, 2.0])).toThrow(/greater than 1/);
  });
  it("additive refuses to return a negative probability", () => {
    expect(() => devig([1 / 0.87, 1 / 0.2, 1 / 0.1, 1 / 0.05, 1 / 0.02, 1 / 0.01], "additive")).toThrow(
      /≤ 0/,
    );
  });
  it("a book with no margin is returned unchanged by every method", () => {
    for (const m of DEVIG_METHODS) close(devig([2, 4, 4], m).probabilities, [0.5, 0.25, 0.25], 1e-12);
  });
});

// R implied's test rows plus random overround books.
const R_ROWS = [
  [4.2, 3.7, 1.95],
  [2.45, 3.7, 2.9],
  [2.05, 3.2, 3.8],
  [1.595, 3.99, 6.76],
  [1.19, 7.0, 14.0],
];
const book = fc
  .array(fc.double({ min: 0.02, max: 0.95, noNaN: true }), { minLength: 2, maxLength: 8 })
  .chain((ps) =>
    fc.double({ min: 1.0, max: 1.25, noNaN: true }).map((b) => {
      const total = ps.reduce((s, p) => s + p, 0);
      return ps.map((p) => total / (p * b)); // booksum = b ≥ 1
    }),
  )
  .filter((odds) => odds.every((o) => o > 1.0001) && overround(odds) >= 0);

describe("de-vig properties", () => {
  for (const method of DEVIG_METHODS) {
    it(`${method}: probabilities sum to 1, lie in (0, 1) and keep the odds' order`, () => {
      const check = (odds: number[]) => {
        let r: ReturnType<typeof devig>;
        try {
          r = devig(odds, method);
        } catch (err) {
          // Additive may refuse (negative probability); that refusal is itself tested above.
          if (method === "additive" && /≤ 0/.test((err as Error).message)) return;
          throw err;
        }
        expect(Math.abs(r.probabilities.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-9);
        for (const p of r.probabilities) expect(p > 0 && p < 1).toBe(true);
        for (let i = 0; i < odds.length; i++) {
          for (let j = 0; j < odds.length; j++) {
            // Order is kept up to floating-point rounding (odds 1 ulp apart can swap by 1 ulp).
            if (odds[i]! < odds[j]!)
              expect(r.probabilities[i]!).toBeGreaterThanOrEqual(r.probabilities[j]! - 1e-15);
          }
        }
      };
      for (const row of R_ROWS) check(row);
      fc.assert(fc.property(book, check), { numRuns: 300 });
    });
  }
});

describe("conversions", () => {
  it("American ↔ decimal", () => {
    expect(decimalFromAmerican(150)).toBe(2.5);
    expect(decimalFromAmerican(-200)).toBe(1.5);
    expect(decimalFromAmerican(100)).toBe(2);
    expect(americanFromDecimal(2.5)).toBe(150);
    expect(americanFromDecimal(1.5)).toBeCloseTo(-200, 10);
    expect(americanFromDecimal(1.909090909090909)).toBeCloseTo(-110, 9);
    expect(() => decimalFromAmerican(50)).toThrow(/≤ −100 or ≥ \+100/);
    fc.assert(
      fc.property(fc.double({ min: 1.001, max: 1000, noNaN: true }), (d) => {
        expect(decimalFromAmerican(americanFromDecimal(d))).toBeCloseTo(d, 9);
      }),
    );
  });
  it("fractional ↔ decimal", () => {
    expect(decimalFromFractional("5/2")).toBe(3.5);
    expect(decimalFromFractional("evens")).toBe(2);
    expect(decimalFromFractional("10/11")).toBeCloseTo(1.9090909, 6);
    expect(fractionalFromDecimal(3.5)).toBe("5/2");
    expect(fractionalFromDecimal(1.9090909090909)).toBe("10/11");
    expect(fractionalFromDecimal(2)).toBe("1/1");
    expect(() => decimalFromFractional("5-2")).toThrow(/like "5\/2"/);
  });
  it("Kalshi dollar strings and cents", () => {
    const p = contractPriceFromDollars("0.6500");
    expect(p.equals(new Decimal("0.65"))).toBe(true);
    expect(contractDollarString(p)).toBe("0.6500");
    expect(contractPriceFromDollars(".65").equals(p)).toBe(true);
    expect(contractPriceFromCents(65).equals(p)).toBe(true);
    expect(contractCents(p).toNumber()).toBe(65);
    expect(contractPriceFromCents(0.1).toFixed(4)).toBe("0.0010");
    expect(decimalFromContractPrice(p)).toBeCloseTo(1 / 0.65, 15);
    expect(contractPriceFromDecimal(1 / 0.65).toFixed(4)).toBe("0.6500");
    expect(() => contractPriceFromDollars("1.0000")).toThrow(/dollar string/);
    expect(() => contractPriceFromDollars("0.65001")).toThrow(/at most 4 decimals/);
    expect(() => contractPriceFromCents(0)).toThrow(/between \$0 and \$1/);
    expect(() => contractPriceFromCents(0.001)).toThrow(/0.01 cent/);
  });
  it("exact conversions are the number forms' source: −110 is 1.90909…, stored 1.9091", () => {
    expect(exactDecimalFromAmerican(-110).toString()).toBe("1.9090909090909090909"); // 20 significant digits
    expect(exactDecimalFromAmerican("+150").toString()).toBe("2.5");
    expect(decimalFromAmerican(-110)).toBe(exactDecimalFromAmerican(-110).toNumber());
    expect(() => exactDecimalFromAmerican(99)).toThrow(/≤ −100 or ≥ \+100/);
    expect(exactDecimalFromContractPrice(new Decimal("0.65")).toFixed(4)).toBe("1.5385");
    expect(exactDecimalFromContractPrice(new Decimal("1")).toString()).toBe("1");
    expect(() => exactDecimalFromContractPrice(new Decimal("0"))).toThrow(/\(\$0, \$1\]/);
    expect(storedDecimal(new Decimal("-3.25"), "line").toFixed(4)).toBe("-3.2500");
    expect(() => storedDecimal(new Decimal("1e6"), "line", "sbr x")).toThrow(
      "sbr x: line 1000000 does not fit DECIMAL(10,4)",
    );
  });
  it("stored prices fit DECIMAL(10,4) or fail clearly", () => {
    expect(storedPrice(1 / 0.001).toFixed(4)).toBe("1000.0000");
    expect(storedPrice(1.909090909).toFixed(4)).toBe("1.9091");
    expect(() => storedPrice(decimalFromAmerican(100_000_000))).toThrow(/DECIMAL\(10,4\)/);
  });
});

describe("consensus", () => {
  it("averages each book's fair probabilities", () => {
    const c = consensusProbabilities(
      [
        { bookmaker: "a", odds: [2.7, 2.3, 4.4] },
        { bookmaker: "b", odds: [2.6, 2.4, 4.3] },
      ],
      { method: "shin" },
    );
    const a = devig([2.7, 2.3, 4.4], "shin").probabilities;
    const b = devig([2.6, 2.4, 4.3], "shin").probabilities;
    close(
      c.probabilities,
      a.map((x, i) => (x + b[i]!) / 2),
      1e-15,
    );
    expect(c.probabilities.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
  });
  it("median is renormalised; mismatched books are rejected by name", () => {
    const c = consensusProbabilities(
      [
        { bookmaker: "a", odds: [1.9, 1.9] },
        { bookmaker: "b", odds: [1.8, 2.0] },
        { bookmaker: "c", odds: [2.0, 1.8] },
      ],
      { average: "median" },
    );
    expect(c.probabilities.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
    expect(c.probabilities[0]).toBeCloseTo(0.5, 14);
    expect(() =>
      consensusProbabilities([
        { bookmaker: "a", odds: [2, 2] },
        { bookmaker: "b", odds: [2, 3, 4] },
      ]),
    ).toThrow(/"b" quotes 3/);
    expect(() => consensusProbabilities([{ bookmaker: "x", odds: [3, 3] }])).toThrow(/"x": .*under-round/);
  });
});
