import { mergeConfig } from "vitest/config";
import { edgelineProject } from "../../vitest.project.ts";

export default mergeConfig(edgelineProject(), {
  resolve: {
    // graphql ships CJS (main) and ESM (module) without an exports map: Vite would give our sources
    // the ESM copy while Node gives Pothos and yoga the CJS one, and graphql refuses two realms.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
});
