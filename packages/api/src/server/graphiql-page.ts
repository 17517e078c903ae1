// GraphiQL at /graphql without a CDN: yoga's default page loads GraphiQL's scripts and styles from
// a public CDN, so it is blank offline. @graphql-yoga/render-graphiql inlines the same GraphiQL
// (scripts, styles, Monaco workers) into the page from this project's own dependencies. The
// module is ~9 MB, so it is imported on the first GraphiQL request, not at start-up, and each
// page is rendered once per set of options.
import type { GraphiQLOptions } from "graphql-yoga";

const pages = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<Uint8Array<ArrayBuffer>> {
  const key = JSON.stringify(options);
  let page = pages.get(key);
  if (!page) {
    page = import("@graphql-yoga/render-graphiql").then(({ renderGraphiQL }) =>
      new TextEncoder().encode(renderGraphiQL(options)),
    );
    page.catch(() => pages.delete(key));
    pages.set(key, page);
  }
  return page;
}
