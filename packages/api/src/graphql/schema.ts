// The executable schema: loads every domain file (each registers its types and root fields on the
// builder), then builds. Nothing imports this file except the server and the schema printer.
import "./scalars.ts";
import "./sport.ts";
import "./entity.ts";
import "./game.ts";
import "./odds.ts";
import "./odds-quote.ts";
import "./elo-rating.ts";
import "./recommendation.ts";
import "./placed-bet.ts";
import "./trading.ts";
import "./portfolio.ts";
import "./pipeline-run.ts";
import "./job.ts";
import "./backtest-run.ts";
import "./backtest-report.ts";
import "./opportunities.ts";
import "./notification-delivery.ts";
import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.ts";

export const schema = builder.toSchema();

/** The SDL committed as packages/api/schema.graphql (sorted, so the file diffs cleanly). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
