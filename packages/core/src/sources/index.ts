export * from "./sbr/index.ts";
