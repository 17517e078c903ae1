// The demo's contract. The host generates a deterministic calendar of games per sport from the
// sport plugin's `DemoLeague` (teams, slate, scoring); the sport plugin writes its schedule
// payloads for each day and every odds source plugin writes its market payloads, all in their
// upstreams' real formats, into one folder that the fake upstream then serves.
import type { Random } from "./seeded-random.ts";

export interface DemoTeam {
  /** The entity id the sport plugin maps this team to ("BOS"). */
  id: string;
  /** The upstream's numeric team id (NHL, ESPN), for payloads that carry one. */
  numericId: number;
  place: string;
  /** Empty for clubs named by place only ("Arsenal"). */
  nickname: string;
  /** Codes by source where they differ from `id`: `{ kalshi: "JAC" }` for the Jaguars. */
  codes?: Readonly<Record<string, string>>;
}

/** A demo team; `codes` only for sources that spell it otherwise. */
export const demoTeam = (
  id: string,
  numericId: number,
  place: string,
  nickname: string,
  codes?: Readonly<Record<string, string>>,
): DemoTeam => ({ id, numericId, place, nickname, ...(codes ? { codes } : {}) });

const TEAM_ROW = /^(\S+)\s+(\d+)\s+([^/]+?)(?:\s*\/\s*(.+?))?((?:\s+[\w-]+=\S+)*)$/;

/**
 * A league's demo teams from a table, one team a line: `id numericId place / nickname`, then
 * `source=CODE` for each source that spells it otherwise. A club named by place only has no
 * nickname: `ARS 359 Arsenal`, `JAX 30 Jacksonville / Jaguars kalshi=JAC`.
 */
export function demoTeams(table: string): DemoTeam[] {
  return table
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const row = TEAM_ROW.exec(line);
      if (!row) throw new Error(`demo team row "${line}" is not "id numericId place / nickname source=CODE"`);
      const [, id, numericId, place, nickname = "", codeList] = row;
      const codes = codeList?.trim()
        ? Object.fromEntries(
            codeList
              .trim()
              .split(/\s+/)
              .map((c) => c.split("=")),
          )
        : null;
      return demoTeam(id!, Number(numericId), place!, nickname, codes ?? undefined);
    });
}

/** "Boston Bruins", "Arsenal". */
export const demoTeamName = (t: DemoTeam) => (t.nickname ? `${t.place} ${t.nickname}` : t.place);

/** A team's code in one source's spelling. */
export const demoTeamCode = (t: DemoTeam, source: string) => t.codes?.[source] ?? t.id;

export interface DemoScore {
  home: number;
  away: number;
  overtime: boolean;
}

/** The winner's and the loser's score put on their sides; a draw scores `winning` each. */
export function decidedScore(
  winner: "home" | "draw" | "away",
  winning: number,
  losing: number,
  overtime = false,
): DemoScore {
  if (winner === "draw") return { home: winning, away: winning, overtime };
  return winner === "home"
    ? { home: winning, away: losing, overtime }
    : { home: losing, away: winning, overtime };
}

export interface DemoLeague {
  teams: readonly DemoTeam[];
  /** Home advantage in Elo points of the hidden strengths. */
  homeAdvantage: number;
  /** Share of draws (3-way soccer), 0 otherwise. */
  drawRate: number;
  /** Games per weekday (0 = Sunday), and UTC start times offered that day as [dayOffset, "HH:MM"]. */
  slate(weekday: number): { games: number; starts: ReadonlyArray<readonly [number, string]> };
  /** A final score for a decided winner; `r` is a uniform integer 0..99 for variety. */
  score(winner: "home" | "draw" | "away", r: number): DemoScore;
  /** The main spread (home handicap) and total line books quote on a game, if the sport has them. */
  lines?(game: DemoGame): { spread?: number; total?: number };
}

/** One generated game: who, when, how likely, and (for past days) how it ended. */
export interface DemoGame {
  sport: string;
  /** League-local calendar day. */
  date: string;
  /** Index of the game on its day (stable ids). */
  index: number;
  start: Date;
  home: DemoTeam;
  away: DemoTeam;
  /** True probabilities of the outcomes; the books price around these. */
  pHome: number;
  pDraw: number;
  pAway: number;
  /** Final score for days before `today`; null for today and later. */
  result: DemoScore | null;
}

/** Writes one payload file `folder/name` (JSON) into the demo's upstream folder. */
export type DemoWrite = (folder: string, name: string, body: unknown) => Promise<void>;

/** What a sport plugin contributes to the demo. */
export interface SportDemo {
  league: DemoLeague;
  /**
   * The schedule/scoreboard payloads of one day (called for every day of the window and one either
   * side). `gamesOn` gives the games of any day (none outside the window), for payloads that span days.
   */
  writeDay(day: string, gamesOn: (day: string) => readonly DemoGame[], write: DemoWrite): Promise<void>;
}

/** What an odds source plugin contributes to the demo, for one sport it covers. */
export interface SourceDemo<SportOptions = unknown> {
  writeMarkets(
    input: {
      sport: string;
      /** The sport's demo league (its main lines, for sources that quote spreads and totals). */
      league: DemoLeague;
      options: SportOptions;
      /** Every game of the window, past ones with their results. */
      games: readonly DemoGame[];
      today: string;
      /** When the demo's prices are read (noon UTC today). */
      observedAt: Date;
      random: Random;
    },
    write: DemoWrite,
  ): Promise<void>;
}
