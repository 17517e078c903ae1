// How the CLI says what went wrong: one line per problem, naming the option, without stack traces,
// raw zod issue arrays or Prisma's code excerpts (which quote our source files).
import { isDatabaseUnavailable } from "@edgeline/core";
import { ZodError } from "zod";

/** `maxAttempts` → `--max-attempts`: a zod path as the option a user typed. */
export function optionName(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  if (first === undefined) return "";
  const kebab = first.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `--${[kebab, ...rest].join(".")}`;
}

/** One line per zod issue: `--from: must be between 1900-01-01 and 2199-12-31`. */
export function zodIssuesText(error: ZodError, fallbackName?: string): string {
  return error.issues
    .map((issue) => {
      const name = issue.path.length ? optionName(issue.path) : fallbackName;
      return name ? `${name}: ${issue.message}` : issue.message;
    })
    .join("\n");
}

/** The message to print for an error a command did not handle itself. */
export function cliErrorMessage(error: unknown): string {
  return knownErrorMessage(error) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The one-line explanation of an error the user can act on (bad input, a port in use, no
 * database), or undefined for anything else (a bug: its stack is worth printing).
 */
export function knownErrorMessage(error: unknown): string | undefined {
  if (error instanceof ZodError) return zodIssuesText(error);
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (code === "EADDRINUSE") {
    const port = (error as { port?: number }).port;
    return `port ${port ?? ""} is already in use: stop the process holding it, or set PORT to another port`;
  }
  if (isDatabaseUnavailable(error) || /getaddrinfo ENOTFOUND/.test(error.message)) {
    const first = error.message.split("\n")[0]!.replace(/^Error: /, "");
    return `database unreachable: ${first}. Is PostgreSQL running, and is DATABASE_URL right?`;
  }
  if (error.name.startsWith("PrismaClient")) {
    // Prisma's message quotes the calling source; its last line is the reason.
    const lines = error.message.split("\n").map((l) => l.trim());
    const reason = lines.filter((l) => l.length > 0).at(-1) ?? error.name;
    return `database: ${reason}`;
  }
  if (error instanceof RangeError && /Invalid time value/.test(error.message)) {
    return "a date or time given is not valid (use YYYY-MM-DD for days)";
  }
  return undefined;
}
