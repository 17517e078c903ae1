// Tuned presets on disk: one JSON file per preset under EDGELINE_DATA_DIR/presets/<name>.json, so
// a preset can be read, diffed and committed like any configuration. Loading validates every
// file and names the file and field at fault.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeZodError } from "@edgeline/sdk";
import { type TunedPreset, tunedPresetSchema } from "../backtest/preset.ts";

export const presetsDir = (dataDir: string) => join(dataDir, "presets");

/** Writes a preset (replacing one of the same name); returns its path. */
export function saveTunedPreset(dataDir: string, preset: TunedPreset): string {
  const parsed = tunedPresetSchema.parse(preset);
  const dir = presetsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${parsed.name}.json`);
  writeFileSync(file, `${JSON.stringify(parsed, null, 2)}\n`);
  return file;
}

/** Every preset under the data directory, by name; none when the folder does not exist. */
export function loadTunedPresets(dataDir: string): Record<string, TunedPreset> {
  const dir = presetsDir(dataDir);
  if (!existsSync(dir)) return {};
  const out: Record<string, TunedPreset> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new Error(`${path}: not valid JSON: ${(error as Error).message}`);
    }
    const parsed = tunedPresetSchema.safeParse(json);
    if (!parsed.success) {
      const { jsonPath, message } = describeZodError(parsed.error);
      throw new Error(`${path}: ${jsonPath}: ${message}`);
    }
    if (`${parsed.data.name}.json` !== file)
      throw new Error(
        `${path}: holds preset "${parsed.data.name}"; the file must be ${parsed.data.name}.json`,
      );
    out[parsed.data.name] = parsed.data;
  }
  return out;
}

/** EDGELINE_MODEL_PRESETS ("NFL=nfl-tuned,NBA=nba-tuned") as sport code → preset name. */
export function parseSportPresets(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9]{2,12})=([a-z0-9][a-z0-9-]*)$/.exec(part);
    if (!m) throw new Error(`EDGELINE_MODEL_PRESETS: "${part}" is not SPORT=preset-name`);
    out[m[1]!.toUpperCase()] = m[2]!;
  }
  return out;
}
