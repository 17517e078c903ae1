// The fake upstream over the ../shared recordings, as a test file uses it: start it before the
// tests, close it after, and talk to it raw (`get`), through the HTTP client (`client`) or
// through a plugin context whose base URLs all point at it (`context`).
import {
  createPluginContext,
  type FakeRoute,
  HttpClient,
  type PluginCommon,
  type PluginContext,
  resetRateLimits,
} from "@edgeline/sdk";
import { type FakeUpstream, startFakeUpstream } from "./fake-upstream.ts";
import { localBaseUrls } from "./local-sources.ts";
import { recordedFixturesDir } from "./shared-folder.ts";

export interface RecordedUpstream {
  /** The running server (after `start`). */
  readonly server: FakeUpstream;
  start(): Promise<void>;
  close(): Promise<void>;
  /** A raw GET: status, headers, parsed JSON body. */
  get(path: string): Promise<{ status: number; headers: Headers; body: Record<string, unknown> & unknown[] }>;
  /** The HTTP client of a source on the server (path prefix for APIs under one, e.g. /trade-api/v2). */
  client(source: string, prefix?: string): HttpClient;
  /** A plugin context with every base URL the plugins declare on the server; retries do not wait. */
  context(plugins: readonly PluginCommon[]): PluginContext<undefined>;
}

export function recordedUpstream(
  routes: readonly FakeRoute[],
  options: { today?: string; dataDir?: string } = {},
): RecordedUpstream {
  let server: FakeUpstream | undefined;
  const running = () => {
    if (!server) throw new Error("the recorded upstream is not started (call start() in beforeAll)");
    return server;
  };
  return {
    get server() {
      return running();
    },
    async start() {
      server = await startFakeUpstream({
        dataDir: options.dataDir ?? recordedFixturesDir,
        routes,
        ...(options.today ? { today: options.today } : {}),
      });
    },
    async close() {
      await server?.close();
    },
    async get(path) {
      const res = await fetch(running().url + path);
      return { status: res.status, headers: res.headers, body: (await res.json()) as never };
    },
    client: (source, prefix = "") =>
      new HttpClient({ source, baseUrl: running().url + prefix, retryBaseMs: 1 }, { sleep: async () => {} }),
    context: (plugins) =>
      createPluginContext({
        baseUrls: localBaseUrls(plugins, running().url),
        config: undefined,
        httpDeps: { sleep: async () => {} },
      }),
  };
}

/** The test runner's hooks (vitest's), passed in: the testkit imports nothing but the SDK. */
export interface TestHooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
  beforeEach(fn: () => void): void;
}

/**
 * A recorded upstream for the tests of one file or `describe`: started before them, closed after,
 * and the SDK's rate limits reset before each test so that none waits on another's requests.
 */
export function recordedUpstreamFor(
  hooks: TestHooks,
  routes: readonly FakeRoute[],
  options: { today?: string; dataDir?: string } = {},
): RecordedUpstream {
  const fake = recordedUpstream(routes, options);
  hooks.beforeAll(fake.start);
  hooks.afterAll(fake.close);
  hooks.beforeEach(() => resetRateLimits());
  return fake;
}
