// The one way Edgeline makes a logger: pino at EDGELINE_LOG_LEVEL, pretty (colour, local time)
// when writing to a terminal and JSON lines otherwise (collectors, CI), unless EDGELINE_LOG_FORMAT
// says which. Every process's log lines go through here: the API, the worker (graphile-worker's own
// messages included), the CLI and the plugins' contexts.
import { type Logger, pino } from "pino";
import pretty from "pino-pretty";
import { loadConfig } from "./config.ts";

export type { Logger };

export interface LoggerOptions {
  /** @defaultValue process.env */
  env?: Record<string, string | undefined>;
  /** Where lines go. @defaultValue standard error when pretty, standard output when JSON */
  destination?: NodeJS.WritableStream;
}

export function createLogger(name: string, envOrOptions: LoggerOptions | NodeJS.ProcessEnv = {}): Logger {
  const options: LoggerOptions =
    "env" in envOrOptions || "destination" in envOrOptions
      ? (envOrOptions as LoggerOptions)
      : { env: envOrOptions as NodeJS.ProcessEnv };
  const { log } = loadConfig(options.env ?? process.env);
  const format = log.format ?? (process.stderr.isTTY ? "pretty" : "json");
  if (format === "json") {
    return pino({ name, level: log.level }, options.destination ?? pino.destination({ fd: 1, sync: true }));
  }
  // Synchronous, so nothing is lost when a CLI command exits right after logging.
  const stream = pretty({
    colorize: options.destination === undefined,
    sync: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname",
    destination: options.destination ?? 2,
  });
  return pino({ name, level: log.level }, stream);
}
