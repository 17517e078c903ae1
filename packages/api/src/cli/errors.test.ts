import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runConvert } from "./commands/odds.ts";
import { cliErrorMessage, knownErrorMessage, optionName } from "./errors.ts";

describe("CLI error messages", () => {
  it("names the option of every zod issue, in the user's spelling", () => {
    const schema = z.object({ maxAttempts: z.number(), from: z.string() });
    const error = schema.safeParse({ maxAttempts: "x", from: 1 }).error!;
    expect(cliErrorMessage(error)).toBe(
      "--max-attempts: Invalid input: expected number, received string\n--from: Invalid input: expected string, received number",
    );
    expect(optionName(["olderThan"])).toBe("--older-than");
  });

  it("says a port in use or an unreachable database in one line, without a stack", () => {
    const inUse = Object.assign(new Error("listen EADDRINUSE: address already in use 0.0.0.0:4000"), {
      code: "EADDRINUSE",
      port: 4000,
    });
    expect(knownErrorMessage(inUse)).toMatch(/^port 4000 is already in use/);
    const down = new Error("Can't reach database server at `127.0.0.1:9`\n\nPlease make sure ...");
    expect(knownErrorMessage(down)).toBe(
      "database unreachable: Can't reach database server at `127.0.0.1:9`. Is PostgreSQL running, and is DATABASE_URL right?",
    );
    const prisma = Object.assign(
      new Error("\nInvalid `prisma.x()` invocation in\n/src/file.ts:3:1\n\n→ 3 code\nThe reason."),
      {
        name: "PrismaClientKnownRequestError",
      },
    );
    expect(cliErrorMessage(prisma)).toBe("database: The reason.");
    expect(knownErrorMessage(new Error("a bug"))).toBeUndefined();
  });

  it("odds convert refuses odds whose other forms overflow", () => {
    expect(() => runConvert("1e308", {})).toThrow(
      'price "1e308" (decimal): is beyond decimal odds of 1000000',
    );
    expect(runConvert("2.5", {})[1]).toBe("american    +150.00");
  });
});
