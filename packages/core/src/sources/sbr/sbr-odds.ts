import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  exactDecimalFromAmerican,
  GameMatcher,
  type KnownGame,
  type MarketName,
  type OddsFetchResult,
  type OddsRecord,
  type OutcomeName,
  oddsId,
  storedDecimal,
  type UnmatchedEvent,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { parseSbrCsv, type SbrGame, type SbrLayout, type SbrSeason } from "./sbr-layout.ts";

/** What a sport plugin tells the SBR importer. */
export interface SbrSportMapping {
  /** SBR team name as written in the archive ("GoldenState", "NYRangers", "LAClippers") to our id. */
  teamIdFromName(name: string): string | undefined;
}

export interface SbrImportOptions {
  season: SbrSeason;
  /**
   * American price assumed for spread and total rows when the layout carries none (the
   * spread/total layout). Undefined (the default) writes no spread/total rows rather than invent
   * a price; pass e.g. -110 for a backtest that accepts that assumption.
   */
  assumedLinePrice?: number;
  /** File name shown in errors and used in external ids. */
  fileName?: string;
}

export interface SbrImportResult extends OddsFetchResult {
  layout: SbrLayout;
  /** Every parsed game with opening lines and final scores, for backtests. */
  games: SbrGame[];
}

const SOURCE = "sbr";
const BOOKMAKER = "SBR";

/**
 * Imports an SBR archive CSV as closing `game_odds` rows (bookmaker "SBR", last_update null:
 * the archive has no timestamps; is_pregame true: closing lines are the last pre-game prices).
 */
export function importSbrCsv(
  text: string,
  mapping: SbrSportMapping,
  knownGames: readonly KnownGame[],
  options: SbrImportOptions,
): SbrImportResult {
  const fileName = options.fileName ?? "sbr.csv";
  const { layout, games } = parseSbrCsv(text, options.season, fileName);
  const matcher = new GameMatcher(knownGames);
  const records: OddsRecord[] = [];
  const unmatched: UnmatchedEvent[] = [];

  for (const game of games) {
    const externalId = `${path.basename(fileName)}:${game.date}:${game.visitor.rot}-${game.home.rot}`;
    const description = `${game.visitor.team} @ ${game.home.team} ${game.date}`;
    const resolved = resolve(game, mapping, matcher);
    if (!resolved.ok) {
      unmatched.push({ source: SOURCE, externalId, description, reason: resolved.reason });
      continue;
    }
    const { gameId, swapped } = resolved;
    const home = swapped ? game.visitor : game.home;
    const away = swapped ? game.home : game.visitor;
    const add = (
      marketName: MarketName,
      outcomeName: OutcomeName,
      american: Decimal | null,
      line: Decimal | null,
    ) => {
      if (!american) return;
      const context = `sbr ${externalId} ${marketName} ${outcomeName}`;
      records.push({
        oddsId: oddsId({ bookmakerKey: BOOKMAKER, gameId, marketName, outcomeName }),
        gameId,
        bookmaker: BOOKMAKER,
        marketName,
        outcomeName,
        price: storedDecimal(exactDecimalFromAmerican(american), "price", context),
        line: line ? storedDecimal(line, "line", context) : null,
        lastUpdate: null,
        isPregame: true,
        externalId,
      });
    };
    const assumed = options.assumedLinePrice;
    const priceOr = (price: Decimal | null) => price ?? (assumed === undefined ? null : new Decimal(assumed));

    add("moneyline", "home_team_win", home.moneyline, null);
    add("moneyline", "away_team_win", away.moneyline, null);
    if (game.closeSpread) {
      const homeLine = swapped ? game.closeSpread.homeLine.negated() : game.closeSpread.homeLine;
      const { homePrice, visitorPrice } = game.closeSpread;
      add("spread", "home_team_win", priceOr(swapped ? visitorPrice : homePrice), homeLine);
      add("spread", "away_team_win", priceOr(swapped ? homePrice : visitorPrice), homeLine.negated());
    }
    if (game.closeTotal) {
      add("total", "over", priceOr(game.closeTotal.overPrice), game.closeTotal.points);
      add("total", "under", priceOr(game.closeTotal.underPrice), game.closeTotal.points);
    }
  }
  return { layout, games, records, unmatched };
}

type Resolution = { ok: true; gameId: string; swapped: boolean } | { ok: false; reason: string };

/** V/H pairs map directly; on a neutral site (N/N) the known game decides which side is home. */
function resolve(game: SbrGame, mapping: SbrSportMapping, matcher: GameMatcher): Resolution {
  const visitorId = mapping.teamIdFromName(game.visitor.team);
  const homeId = mapping.teamIdFromName(game.home.team);
  const unknown = [visitorId ? null : game.visitor.team, homeId ? null : game.home.team].filter(Boolean);
  if (!visitorId || !homeId) return { ok: false, reason: `unknown team name: ${unknown.join(", ")}` };
  const direct = matcher.match({ homeTeamId: homeId, awayTeamId: visitorId, localDate: game.date });
  if (direct.ok) return { ok: true, gameId: direct.game.gameId, swapped: false };
  if (game.neutral) {
    const swapped = matcher.match({ homeTeamId: visitorId, awayTeamId: homeId, localDate: game.date });
    if (swapped.ok) return { ok: true, gameId: swapped.game.gameId, swapped: true };
  }
  return { ok: false, reason: direct.reason };
}

/** Reads and imports an SBR CSV file. */
export async function importSbrFile(
  file: string,
  mapping: SbrSportMapping,
  knownGames: readonly KnownGame[],
  options: Omit<SbrImportOptions, "fileName">,
): Promise<SbrImportResult> {
  const text = await readFile(file, "utf8");
  return importSbrCsv(text, mapping, knownGames, { ...options, fileName: file });
}
