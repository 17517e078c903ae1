import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "./env.ts";

describe("loadEnv", () => {
  it("applies defaults when nothing is set", () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(4000);
    expect(env.EDGELINE_DB_POOL_SIZE).toBe(10);
  });

  it("names the variable that is malformed", () => {
    expect(() => loadEnv({ EDGELINE_DB_POOL_SIZE: "lots" })).toThrow(ConfigError);
    expect(() => loadEnv({ EDGELINE_DB_POOL_SIZE: "lots" })).toThrow(/EDGELINE_DB_POOL_SIZE/);
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadEnv({ PORT: "" }).PORT).toBe(4000);
  });
});
