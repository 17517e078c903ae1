/**
 * The version of the plugin contract this core implements. A plugin declares the range it was
 * written against (`coreVersion: "^0.2.0"`) and start-up refuses a plugin outside it, as Vendure
 * does with its `compatibility` field. Bump with packages/sdk/package.json (a test checks both).
 */
export const CORE_VERSION = "0.2.0";

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

type Comparator = (v: Version) => boolean;

/** One comparator of npm's range grammar: `^1.2.3`, `~1.2.3`, `>=1.2.3`, `<2.0.0`, `1.2.3`, `*`. */
function parseComparator(text: string): Comparator | undefined {
  if (text === "*" || text === "x") return () => true;
  const m = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(text);
  const base = m?.[2] ? parseVersion(m[2]) : undefined;
  if (!m || !base) return undefined;
  const [major, minor, patch] = base;
  switch (m[1]) {
    case "^": {
      // ^0.1.2 allows 0.1.x; ^1.2.3 allows 1.x (npm's caret: the first non-zero part is fixed).
      const upper: Version =
        major > 0 ? [major + 1, 0, 0] : minor > 0 ? [0, minor + 1, 0] : [0, 0, patch + 1];
      return (v) => compare(v, base) >= 0 && compare(v, upper) < 0;
    }
    case "~":
      return (v) => compare(v, base) >= 0 && compare(v, [major, minor + 1, 0]) < 0;
    case ">=":
      return (v) => compare(v, base) >= 0;
    case ">":
      return (v) => compare(v, base) > 0;
    case "<=":
      return (v) => compare(v, base) <= 0;
    case "<":
      return (v) => compare(v, base) < 0;
    default:
      return (v) => compare(v, base) === 0;
  }
}

/** Parses a range: comparators joined by spaces (all must hold), alternatives by `||`. */
function parseRange(range: string): Comparator[][] | undefined {
  const alternatives = range.split("||").map((alt) => alt.trim().split(/\s+/).filter(Boolean));
  const parsed = alternatives.map((alt) => alt.map(parseComparator));
  if (parsed.some((alt) => alt.length === 0 || alt.some((c) => c === undefined))) return undefined;
  return parsed as Comparator[][];
}

/** True when `range` is a range this module understands. */
export function isValidRange(range: string): boolean {
  return parseRange(range) !== undefined;
}

/** Whether `version` satisfies `range` (no pre-release tags: the contract versions have none). */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  const alternatives = parseRange(range);
  if (!v || !alternatives) return false;
  return alternatives.some((alt) => alt.every((c) => c(v)));
}
