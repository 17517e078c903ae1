import { assignGameIds, type GameDraft, type GameRecord, gameRecordSchema } from "@edgeline/sdk";

/**
 * Game ids for a file's games through core's `assignGameIds` (`{SPORT}_{YYYYMMDD}_{AWAY}_{HOME}`,
 * `_2` for a second game of the pairing that day), returned in the order of `drafts` so each
 * importer can attach its quotes. `sourceKey` must be unique within the file (the row).
 */
export function withGameIds(drafts: readonly GameDraft[]): GameRecord[] {
  // assignGameIds orders by (start, sourceKey) and keeps that order; handing it the drafts already
  // in that order lets us map its output back to our input by position.
  const order = drafts
    .map((draft, index) => ({ draft, index }))
    .sort(
      (a, b) =>
        a.draft.commenceTime.getTime() - b.draft.commenceTime.getTime() ||
        (a.draft.sourceKey < b.draft.sourceKey ? -1 : a.draft.sourceKey > b.draft.sourceKey ? 1 : 0),
    );
  const records = assignGameIds(order.map((o) => o.draft));
  const result = new Array<GameRecord>(drafts.length);
  order.forEach((o, i) => {
    result[o.index] = gameRecordSchema.parse(records[i]);
  });
  return result;
}
