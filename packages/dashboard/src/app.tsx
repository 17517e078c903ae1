// The dashboard's shell: a skip link, the navigation, the API-key status, and the page of the path.
import { useEffect, useState } from "preact/hooks";
import { apiKey, onApiKeyChange, setApiKey } from "./auth/api-key.ts";
import { BacktestsPage } from "./pages/backtests.tsx";
import { BetsPage } from "./pages/bets.tsx";
import { OverviewPage } from "./pages/overview.tsx";
import { PipelinesPage } from "./pages/pipelines.tsx";
import { SportPage } from "./pages/sport.tsx";
import { Link, useLocation } from "./router.tsx";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/bets", label: "Bets" },
  { href: "/sport/NHL", label: "Sport" },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/backtests", label: "Backtests" },
];

function page(path: string) {
  if (path === "/" || path === "") return { title: "Overview", node: <OverviewPage /> };
  if (path === "/bets") return { title: "Bets", node: <BetsPage /> };
  const sport = /^\/sport\/([A-Za-z0-9_]+)\/?$/.exec(path);
  if (sport) return { title: sport[1]!.toUpperCase(), node: <SportPage sport={sport[1]!.toUpperCase()} /> };
  if (path === "/sport") return { title: "NHL", node: <SportPage sport="NHL" /> };
  if (path === "/pipelines") return { title: "Pipelines", node: <PipelinesPage /> };
  if (path === "/backtests") return { title: "Backtests", node: <BacktestsPage /> };
  return {
    title: "Not found",
    node: (
      <>
        <h1>Not found</h1>
        <p>
          No page at <code>{path}</code>. <Link href="/">Go to the overview</Link>.
        </p>
      </>
    ),
  };
}

function KeyStatus() {
  const [key, setKey] = useState(apiKey);
  useEffect(() => onApiKeyChange(() => setKey(apiKey())), []);
  if (!key) return <span class="key-status">No API key (reads may be open; writes will ask)</span>;
  return (
    <span class="key-status">
      API key set for this tab{" "}
      <button type="button" onClick={() => setApiKey(null)}>
        Forget key
      </button>
    </span>
  );
}

export function App() {
  const { path } = useLocation();
  const current = page(path);
  useEffect(() => {
    document.title = `${current.title} · Edgeline`;
  }, [current.title]);
  const section = "/" + (path.split("/")[1] ?? "");
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Edgeline</span>
        <nav aria-label="Pages">
          <ul>
            {NAV.map((n) => {
              const active = n.href === "/" ? path === "/" : section === "/" + n.href.split("/")[1];
              return (
                <li key={n.href}>
                  <Link href={n.href} aria-current={active ? "page" : undefined}>
                    {n.label}
                  </Link>
                </li>
              );
            })}
            <li>
              <a href="/graphql">GraphiQL</a>
            </li>
          </ul>
        </nav>
        <KeyStatus />
      </header>
      <main id="main" tabIndex={-1}>
        {current.node}
      </main>
    </>
  );
}
