// Scalars: DateTime (an instant, UTC ISO 8601), Date (a calendar day) and Decimal (exact, as a
// string). Money and odds never pass through a JavaScript number on their way to a client.
// Literal parsers throw TypeError, which graphql-js wraps with the expected type and the value's
// location (use-argument-errors.ts then names the argument); variable parsers throw GraphQLError,
// which graphql-js prefixes with the variable's name. Either way the client reads the reason.
import { EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "@edgeline/sdk";
import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "./builder.ts";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;

/** For parseValue: the same check, as a GraphQLError (a wrapped TypeError would be masked). */
function forVariables<T>(parse: (value: unknown) => T): (value: unknown) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new GraphQLError((error as Error).message);
    }
  };
}

function stringLiteral(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw new TypeError(`${scalar} must be given as a string`);
  return ast.value;
}

export function parseDateTime(value: unknown): Date {
  if (typeof value !== "string" || !ISO_INSTANT.test(value)) {
    throw new TypeError("DateTime must be an ISO 8601 instant with a time zone, e.g. 2025-10-07T23:00:00Z");
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !isCalendarDay(value.slice(0, 10)))
    throw new TypeError(`DateTime "${value}" is not a valid instant`);
  const day = date.toISOString().slice(0, 10);
  // PostgreSQL has no year 0 and the data none before 1900: such a year is a typo, said as such.
  if (day < EARLIEST_DAY || day > LATEST_DAY)
    throw new TypeError(`DateTime must be between ${EARLIEST_DAY} and ${LATEST_DAY}`);
  return date;
}

export function parseDay(value: unknown): string {
  if (typeof value !== "string" || !ISO_DAY.test(value) || !isCalendarDay(value)) {
    throw new TypeError("Date must be a calendar day YYYY-MM-DD, e.g. 2025-10-07");
  }
  if (value < EARLIEST_DAY || value > LATEST_DAY)
    throw new TypeError(`Date must be between ${EARLIEST_DAY} and ${LATEST_DAY}`);
  return value;
}

export function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new TypeError('Decimal must be a string of digits with an optional fraction, e.g. "12.50"');
  }
  return value;
}

/** A calendar day as Prisma wants it for a DATE column: that day at UTC midnight. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A DATE column value (Date at UTC midnight, or already a string) as YYYY-MM-DD. */
export function formatDay(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** A DECIMAL(p, scale) value as the exact string of its column scale ("1.5000" for price). */
export function fixed(value: { toFixed(dp?: number): string } | null, scale: number): string | null {
  return value === null ? null : value.toFixed(scale);
}

builder.scalarType("DateTime", {
  description: "An instant in time, serialised as ISO 8601 in UTC (2025-10-07T23:00:00.000Z).",
  serialize: (value) => value.toISOString(),
  parseValue: forVariables(parseDateTime),
  parseLiteral: (ast) => parseDateTime(stringLiteral(ast, "DateTime")),
});

builder.scalarType("Date", {
  description: "A calendar day, YYYY-MM-DD, in the sport's league-local calendar.",
  serialize: formatDay,
  parseValue: forVariables(parseDay),
  parseLiteral: (ast) => parseDay(stringLiteral(ast, "Date")),
});

builder.scalarType("Decimal", {
  description:
    'An exact decimal number encoded as a string ("12.50"), with the scale of its column. Never a float.',
  serialize: (value) => (typeof value === "string" ? value : value.toFixed()),
  parseValue: forVariables(parseDecimal),
  parseLiteral: (ast) => parseDecimal(stringLiteral(ast, "Decimal")),
});

type DecimalLike = { toFixed(dp?: number): string } | null;

/** What the column fields of a Prisma object in select mode share: the column read alone, nullable. */
function columnField<K extends string>(column: K, description: string | undefined) {
  return {
    nullable: true as const,
    select: { [column]: true } as { [P in K]: true },
    ...(description ? { description } : {}),
  };
}

/**
 * A nullable DECIMAL column of a Prisma object, read alone and written at `scale` places:
 * `edge: t.field(decimalField("edge", 4))`.
 */
export function decimalField<K extends string>(column: K, scale: number, description?: string) {
  return {
    type: "Decimal" as const,
    ...columnField(column, description),
    resolve: (row: { [P in K]: DecimalLike }) => fixed(row[column], scale),
  };
}

/**
 * A non-null DECIMAL column of a row as it is loaded (an object without select mode, or a column
 * its select lists), at `scale` places: `roi: t.field(decimalValue("roi", 6))`.
 */
export function decimalValue<K extends string>(column: K, scale: number, description?: string) {
  return {
    type: "Decimal" as const,
    ...(description ? { description } : {}),
    resolve: (row: { [P in K]: NonNullable<DecimalLike> }) => row[column].toFixed(scale),
  };
}

/**
 * A nullable timestamptz column of a Prisma object, read alone:
 * `placedAt: t.field(dateTimeField("placedTimeUtc"))`.
 */
export function dateTimeField<K extends string>(column: K, description?: string) {
  return {
    type: "DateTime" as const,
    ...columnField(column, description),
    resolve: (row: { [P in K]: Date | null }) => row[column],
  };
}
