// `edgeline import <kind> --sport <S> --file <path...> [--season 2018-19 | --seasons 1970..2020]
// [--skip-bad-rows] [--json]`: history files into the database through the pipelines' write paths,
// one transaction per file, with a progress bar on a terminal and a summary always. A refused file
// (an unknown team, a malformed row without --skip-bad-rows) writes nothing at all and exits 1.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { type ImportRequest, importHistory } from "../../imports/import-history.ts";
import { IMPORT_KIND_NAMES, IMPORT_KINDS } from "../../imports/import-kinds.ts";
import { summaryJson, summaryLines } from "../../imports/import-summary.ts";
import { openPipelineSession } from "../../worker/session.ts";
import { CliExit } from "../exit.ts";
import { parseArgs } from "./run.ts";

const season = z
  .string()
  .regex(/^\d{4}(-\d{2})?$/, "a season such as 2018-19 (or 2018 for a one-year season)")
  .transform((label) => ({ label, firstYear: Number(label.slice(0, 4)) }));
const seasons = z
  .string()
  .regex(/^\d{4}\.\.\d{4}$/, "a span of seasons by first year, such as 1970..2020")
  .transform((s) => ({ from: Number(s.slice(0, 4)), to: Number(s.slice(6)) }))
  .refine((s) => s.from <= s.to, "the first season is after the last");

export const importArgsSchema = z
  .object({
    kind: z.enum(IMPORT_KIND_NAMES, {
      error: (i) => `unknown kind "${String(i.input)}"; kinds are ${IMPORT_KIND_NAMES.join(", ")}`,
    }),
    sport: z.string().regex(/^[A-Za-z0-9]{2,12}$/, "a sport code such as NBA"),
    file: z.array(z.string().min(1)).min(1, "name at least one file or folder"),
    season: season.optional(),
    seasons: seasons.optional(),
    skipBadRows: z.boolean().default(false),
    json: z.boolean().default(false),
  })
  .refine((a) => !(a.season && a.seasons), {
    message: "give --season or --seasons, not both",
    path: ["seasons"],
  })
  .refine((a) => !a.seasons || a.kind === "fivethirtyeight", {
    message: "only FiveThirtyEight files span many seasons; use --season",
    path: ["seasons"],
  })
  .refine((a) => !a.season || a.kind !== "plain", {
    message: "the plain layout has a season column; --season does not apply",
    path: ["season"],
  });

const kindHelp = IMPORT_KIND_NAMES.map((k) => `  ${k.padEnd(16)} ${IMPORT_KINDS[k].description}`).join("\n");

export const registerImportCommand = (program: Command): void => {
  program
    .command("import")
    .description("import history files (results, prices with their quote times, forecasts)")
    .argument("<kind>", IMPORT_KIND_NAMES.join(" | "))
    .requiredOption("--sport <code>", "sport code of a loaded plugin, e.g. NBA")
    .requiredOption("--file <path...>", "files, or folders whose files of the kind are read in name order")
    .option("--season <season>", "the files' season (2018-19); SBR: wins over the file name")
    .option("--seasons <span>", "FiveThirtyEight: only these seasons, by first year (1970..2020)")
    .option("--skip-bad-rows", "skip and count malformed rows instead of refusing the file")
    .option("--json", "print the summary as JSON (no progress bar)")
    .addHelpText("after", `\nKinds:\n${kindHelp}\n\nA second import of the same file writes nothing.`)
    .action(async (kind: string, flags: Record<string, unknown>) => {
      const args = parseArgs(importArgsSchema, { kind, ...flags });
      const request: ImportRequest = {
        kind: args.kind,
        sport: args.sport,
        paths: args.file,
        skipBadRows: args.skipBadRows,
        ...(args.season ? { season: args.season } : {}),
        ...(args.seasons ? { seasons: args.seasons } : {}),
      };
      const session = await openPipelineSession();
      const bar =
        !args.json && process.stderr.isTTY
          ? new SingleBar({ format: "{bar} {value}/{total} | {step} {file}", hideCursor: true })
          : undefined;
      const started = performance.now();
      try {
        const outcome = await importHistory(session.pool, session.plugins, request, {
          onFiles: (files) => bar?.start(files.length * 2, 0, { step: "reading", file: files[0] ?? "" }),
          onParsed: (f) => bar?.increment({ step: "read", file: f.file }),
          onWritten: (f) => bar?.increment({ step: "wrote", file: f.file }),
        });
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        if (args.json) console.log(JSON.stringify(summaryJson(outcome, seconds), null, 2));
        else for (const line of summaryLines(outcome, seconds)) console.log(line);
        if (!outcome.ok) throw new CliExit(1);
      } finally {
        bar?.stop();
        await session.close();
      }
    });
};
