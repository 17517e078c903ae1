// @edgeline/testkit: the fake upstream (plugins' routes over recorded or generated payloads, with
// fault injection), the demo generator, and the ../shared folder helpers. Depends on the SDK only,
// so every package's tests and the demo can use it.
export * from "./demo-calendar.ts";
export * from "./fake-upstream.ts";
export * from "./faults.ts";
export * from "./generate-demo-upstream.ts";
export * from "./local-sources.ts";
export * from "./recorded-upstream.ts";
export * from "./shared-folder.ts";
