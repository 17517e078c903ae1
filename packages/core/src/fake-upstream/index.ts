export {
  type FakeUpstream,
  type FakeUpstreamOptions,
  type RecordedRequest,
  startFakeUpstream,
} from "./fake-upstream.ts";
export { type Fault, type FaultRoute, renameField } from "./faults.ts";
export { PayloadStore } from "./payload-store.ts";
export { hasRecordedFixture, recordedFixture, recordedFixturesDir } from "./recorded-fixtures.ts";
export type { FakeContext, FakeRequest, FakeResponse, FakeRoute } from "./route.ts";
export { defaultRoutes, espnSlug } from "./routes/index.ts";
