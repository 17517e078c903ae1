export {
  type GetJsonResult,
  HttpClient,
  type HttpClientDeps,
  type HttpSourceConfig,
  type QueryValue,
} from "./http-client.ts";
export { describeZodError, formatJsonPath } from "./json-path.ts";
export { resetRateLimits } from "./rate-limiter.ts";
export { backoffDelayMs, parseRetryAfterMs } from "./retry-policy.ts";
export { localSourceEnv, type SourceBaseUrls, sourceBaseUrls } from "./source-config.ts";
export { SourceError, type SourceErrorKind } from "./source-error.ts";
