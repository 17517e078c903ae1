// The dashboard's build: Preact JSX through Vite's own transform (no Babel preset), hashed assets
// under /assets/ (served with a year of caching by the API), sources as the API serves them.
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  resolve: { alias: { react: "preact/compat", "react-dom": "preact/compat" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsDir: "assets",
    reportCompressedSize: false,
  },
  // `vite` (dev) proxies the API: run `pnpm start` beside it (on PORT, default 4000).
  server: { proxy: { "/graphql": `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
});
