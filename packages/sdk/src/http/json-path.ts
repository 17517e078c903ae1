import type { z } from "zod";

/** Renders a zod issue path as a JSON path a human can paste: `gameWeek[0].games[3].startTimeUTC`. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "$";
}

/** The first issue of a zod error as `{ jsonPath, message }`, the part a reader needs to fix it. */
export function describeZodError(error: z.ZodError): { jsonPath: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { jsonPath: "$", message: "invalid payload" };
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more issues)` : "";
  const message = issue.message.replace(/^Invalid input: /, "");
  return { jsonPath: formatJsonPath(issue.path), message: message + more };
}
