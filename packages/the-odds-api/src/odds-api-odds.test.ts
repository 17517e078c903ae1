import { readFileSync } from "node:fs";
import type { KnownGame } from "@edgeline/sdk";
import { hasRecordedFixture, recordedFixture } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { type OddsApiSportMapping, oddsApiEventsToOdds, readQuota } from "./odds-api-odds.ts";
import {
  oddsApiHistoricalOddsSchema,
  oddsApiOddsResponseSchema,
  oddsApiScoresResponseSchema,
} from "./odds-api-schemas.ts";

const NBA_FILE = [
  "the-odds-api",
  "odds-basketball_nba-us-decimal-h2h-spreads-totals-2024-02-24-trimmed.json",
] as const;
const WNBA_FILE = ["the-odds-api", "odds-basketball_wnba-us-american-h2h-spreads-totals.json"] as const;
const readJson = (parts: readonly string[]): unknown =>
  JSON.parse(readFileSync(recordedFixture(...parts), "utf8"));

const nba: OddsApiSportMapping = {
  sportKey: "basketball_nba",
  teamIdFromName: (name) => ({ "Atlanta Hawks": "ATL", "Toronto Raptors": "TOR" })[name],
};
const observedAt = new Date("2024-02-23T14:00:00Z");
/** Our game row: 7:40pm ET on 2024-02-23 is 00:40Z on the 24th. */
const hawksGame: KnownGame = {
  gameId: "NBA_0022300800",
  gameDate: "2024-02-23",
  commenceTime: new Date("2024-02-24T00:40:00Z"),
  homeTeamId: "ATL",
  awayTeamId: "TOR",
};

describe.skipIf(!hasRecordedFixture(...NBA_FILE))("The Odds API decimal odds (recorded NBA)", () => {
  // A skipped describe still runs its body: read only when the recording is there.
  const events = hasRecordedFixture(...NBA_FILE) ? oddsApiOddsResponseSchema.parse(readJson(NBA_FILE)) : [];
  const { records, unmatched } = oddsApiEventsToOdds(events, nba, [hawksGame], {
    oddsFormat: "decimal",
    observedAt,
  });
  const row = (book: string, market: string, outcome: string) =>
    records.find((r) => r.bookmaker === book && r.marketName === market && r.outcomeName === outcome);

  it("writes one row per book × market × outcome with the books' titles", () => {
    expect(unmatched).toEqual([]);
    expect(records).toHaveLength(3 * 3 * 2);
    expect([...new Set(records.map((r) => r.bookmaker))]).toEqual(["DraftKings", "FanDuel", "BetMGM"]);
  });

  it("maps h2h, spreads and totals with their real prices and lines", () => {
    const dkHome = row("DraftKings", "moneyline", "home_team_win")!;
    expect(dkHome.price.toFixed(4)).toBe("1.3700");
    expect(dkHome.line).toBeNull();
    expect(dkHome.oddsId).toBe("draftkings:NBA_0022300800:moneyline:home_team_win");
    expect(dkHome.externalId).toBe("4ca2f33559d32db74f8e8894a71312b5");
    expect(dkHome.lastUpdate).toEqual(new Date("2024-02-23T13:40:35Z"));
    expect(dkHome.isPregame).toBe(true);
    expect(row("DraftKings", "moneyline", "away_team_win")!.price.toFixed(4)).toBe("3.2000");
    const mgmSpread = row("BetMGM", "spread", "home_team_win")!;
    expect([mgmSpread.price.toFixed(4), mgmSpread.line?.toFixed(1)]).toEqual(["1.8700", "-6.5"]);
    expect(row("BetMGM", "spread", "away_team_win")!.line?.toFixed(1)).toBe("6.5");
    const fdOver = row("FanDuel", "total", "over")!;
    expect([fdOver.price.toFixed(4), fdOver.line?.toFixed(1)]).toEqual(["1.9300", "245.0"]);
    expect(row("FanDuel", "total", "under")!.price.toFixed(2)).toBe("1.89");
  });

  it("gives every row a distinct deterministic odds_id", () => {
    expect(new Set(records.map((r) => r.oddsId)).size).toBe(records.length);
    const again = oddsApiEventsToOdds(events, nba, [hawksGame], {
      oddsFormat: "decimal",
      observedAt,
    }).records;
    expect(again.map((r) => r.oddsId)).toEqual(records.map((r) => r.oddsId));
  });

  it("reports an unknown team name instead of guessing", () => {
    const partial: OddsApiSportMapping = {
      ...nba,
      teamIdFromName: (n) => (n === "Atlanta Hawks" ? "ATL" : undefined),
    };
    const result = oddsApiEventsToOdds(events, partial, [hawksGame], { oddsFormat: "decimal", observedAt });
    expect(result.records).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        source: "the-odds-api",
        externalId: "4ca2f33559d32db74f8e8894a71312b5",
        description: "Toronto Raptors @ Atlanta Hawks 2024-02-24T00:40:00Z",
        reason: "unknown team name: Toronto Raptors",
      },
    ]);
  });

  it("does not attach to a game of the same teams two days later", () => {
    const later = { ...hawksGame, gameDate: "2024-02-25", commenceTime: new Date("2024-02-26T00:40:00Z") };
    const result = oddsApiEventsToOdds(events, nba, [later], { oddsFormat: "decimal", observedAt });
    expect(result.records).toEqual([]);
    expect(result.unmatched[0]?.reason).toBe("no game TOR @ ATL near 2024-02-24T00:40:00.000Z");
  });
});

describe.skipIf(!hasRecordedFixture(...WNBA_FILE))("The Odds API American odds (recorded WNBA)", () => {
  const wnba: OddsApiSportMapping = {
    sportKey: "basketball_wnba",
    teamIdFromName: (name) =>
      ({ "Atlanta Dream": "ATL", "Seattle Storm": "SEA", "Portland Fire": "POR", "Las Vegas Aces": "LV" })[
        name
      ],
  };
  const games: KnownGame[] = [
    { gameId: "W-ATL", gameDate: "2026-07-09", commenceTime: null, homeTeamId: "ATL", awayTeamId: "SEA" },
    { gameId: "W-POR", gameDate: "2026-07-09", commenceTime: null, homeTeamId: "POR", awayTeamId: "LV" },
  ];

  it("converts American prices to decimal odds", () => {
    const events = oddsApiOddsResponseSchema.parse(readJson(WNBA_FILE));
    const { records, unmatched } = oddsApiEventsToOdds(events, wnba, games, {
      oddsFormat: "american",
      observedAt: new Date("2026-07-09T21:00:00Z"),
    });
    expect(unmatched).toEqual([]);
    const pick = (gameId: string, book: string, market: string, outcome: string) =>
      records.find(
        (r) =>
          r.gameId === gameId && r.bookmaker === book && r.marketName === market && r.outcomeName === outcome,
      );
    expect(pick("W-ATL", "FanDuel", "moneyline", "home_team_win")?.price.toFixed(4)).toBe("1.1429"); // -700
    expect(pick("W-ATL", "FanDuel", "moneyline", "away_team_win")?.price.toFixed(4)).toBe("5.7000"); // +470
    expect(pick("W-ATL", "FanDuel", "spread", "home_team_win")?.price.toFixed(4)).toBe("1.8772"); // -114
    expect(pick("W-POR", "Fanatics", "moneyline", "home_team_win")?.price.toFixed(4)).toBe("4.1000"); // +310
    expect(pick("W-POR", "Fanatics", "total", "over")?.line?.toFixed(1)).toBe("175.0");
    expect(pick("W-POR", "Fanatics", "total", "over")?.price.toFixed(4)).toBe("1.9091"); // -110
  });
});

describe("The Odds API payload schemas", () => {
  it.skipIf(!hasRecordedFixture("the-odds-api", "scores-basketball_wnba.json"))(
    "accept the recorded scores and historical payloads",
    () => {
      const scores = oddsApiScoresResponseSchema.parse(
        readJson(["the-odds-api", "scores-basketball_wnba.json"]),
      );
      expect(scores[0]?.scores).toEqual([
        { name: "Washington Mystics", score: "49" },
        { name: "Golden State Valkyries", score: "62" },
      ]);
      expect(scores.at(-1)).toMatchObject({ completed: false, scores: null, last_update: null });
      const historical = oddsApiHistoricalOddsSchema.parse(
        readJson(["the-odds-api", "historical-odds-basketball_wnba-2023-06-01.json"]),
      );
      expect(historical.timestamp).toBe("2023-06-01T11:55:39Z");
    },
  );

  it("reads the quota headers", () => {
    const headers = new Headers({
      "x-requests-remaining": "480",
      "x-requests-used": "20",
      "x-requests-last": "3",
    });
    expect(readQuota(headers)).toEqual({ remaining: 480, used: 20, last: 3 });
    expect(readQuota(new Headers())).toEqual({});
  });
});
