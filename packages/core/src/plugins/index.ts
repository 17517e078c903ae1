// Loading plugins (sports, odds sources, venues) and giving them their contexts. The contracts
// themselves live in @edgeline/sdk.
export * from "./host-context.ts";
export * from "./plugin-loader.ts";
export * from "./registry.ts";
export * from "./sport-code.ts";
