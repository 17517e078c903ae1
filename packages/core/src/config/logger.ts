// The one way Edgeline makes a logger: pino, at the level EDGELINE_LOG_LEVEL names.
import { type Logger, pino } from "pino";
import { loadEnv } from "./env.ts";

export type { Logger };

export function createLogger(name: string, env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ name, level: loadEnv(env).EDGELINE_LOG_LEVEL });
}
