import { Decimal } from "decimal.js";
import { z } from "zod";
import { type CellValue, cellText } from "../table.ts";

/**
 * Readers of the archive's cells. Workbook cells are numbers or text, CSV cells text. Sentinels
 * mean "no line": `NL`, an empty cell, `-`. `pk`/`PK`/`pick` is a pick'em (spread 0). Anything
 * else that is not a number is an error in the file (`a100`, `197.5u10`, `.5+03`), reported, never
 * repaired. Each reader gives a value, `null` for a sentinel, or an error message.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(message: string): Read<T> => ({ ok: false, message });

const SENTINELS = new Set(["", "nl", "-", "n/l"]);
const PICKEM = new Set(["pk", "pick", "pick'em", "pickem"]);
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

const isSentinel = (text: string) => SENTINELS.has(text.toLowerCase());

const integerText = z.string().regex(/^\d+$/, "expected a whole number");
const numberText = z.string().regex(NUMBER, "expected a number");

/** A whole number ≥ 0 (scores, rotation numbers, MMDD dates). Empty is an error here. */
export function readCount(cell: CellValue): Read<number> {
  if (typeof cell === "number") {
    return Number.isInteger(cell) && cell >= 0 ? ok(cell) : bad(`expected a whole number, got ${cell}`);
  }
  const text = cellText(cell);
  if (text === "") return bad("empty cell, expected a whole number");
  const parsed = integerText.safeParse(text);
  return parsed.success ? ok(Number(text)) : bad(`expected a whole number, got "${text}"`);
}

/** A number of points (spread, total, puck line): `pk` is 0, a sentinel is null. */
export function readPoints(cell: CellValue): Read<Decimal | null> {
  if (typeof cell === "number") return ok(new Decimal(cell));
  const text = cellText(cell).replace("½", ".5");
  if (isSentinel(text)) return ok(null);
  if (PICKEM.has(text.toLowerCase())) return ok(new Decimal(0));
  if (!numberText.safeParse(text).success) return bad(`expected a number, "pk" or "NL", got "${text}"`);
  return ok(new Decimal(text));
}

/** American odds: |odds| ≥ 100, a sentinel is null. A value under 100 is an error in the file, not a price. */
export function readAmerican(cell: CellValue): Read<Decimal | null> {
  let value: Decimal;
  if (typeof cell === "number") value = new Decimal(cell);
  else {
    const text = cellText(cell);
    if (isSentinel(text)) return ok(null);
    if (!numberText.safeParse(text).success) return bad(`expected American odds or "NL", got "${text}"`);
    value = new Decimal(text);
  }
  if (!value.isInteger() || value.abs().lt(100)) {
    return bad(`American odds must be whole and at least 100 either way, got ${value}`);
  }
  return ok(value);
}

/** 2014-16's one-cell puck line: `+1.5(-305)`, also written `+1.5-280`. */
export function readPuckLineText(cell: CellValue): Read<{ line: Decimal; price: Decimal } | null> {
  const text = cellText(cell);
  if (isSentinel(text)) return ok(null);
  const m = /^([+-]?\d+(?:\.\d+)?)\s*\(?\s*([+-]\d+)\s*\)?$/.exec(text);
  if (!m) return bad(`expected a puck line such as +1.5(-305), got "${text}"`);
  const price = readAmerican(m[2]!);
  if (!price.ok) return bad(`puck line price: ${price.message}`);
  if (price.value === null) return ok(null);
  return ok({ line: new Decimal(m[1]!), price: price.value });
}
