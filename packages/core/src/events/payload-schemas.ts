// The JSON Schemas of the generic webhook's bodies, one file per event type under
// docs/notifications/, generated from the zod schemas (`pnpm exec tsx packages/core/src/events/payload-schemas.ts`);
// packages/core/test/notification-schemas.test.ts fails when the committed files differ.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EVENT_TYPES, envelopeJsonSchema } from "./event-types.ts";

export const schemasDir = fileURLToPath(new URL("../../../../docs/notifications/", import.meta.url));

/** File name and text of every event type's schema. */
export function payloadSchemaFiles(): Array<{ file: string; text: string }> {
  return EVENT_TYPES.map((type) => ({
    file: `${type}.schema.json`,
    text: `${JSON.stringify(envelopeJsonSchema(type), null, 2)}\n`,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { file, text } of payloadSchemaFiles()) writeFileSync(`${schemasDir}${file}`, text);
  console.log(`wrote ${EVENT_TYPES.length} schemas to ${schemasDir}`);
}
