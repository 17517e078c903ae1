import { readFileSync } from "node:fs";
import type { KnownGame } from "@edgeline/sdk";
import { hasRecordedFixture, recordedFixture } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { type KalshiSportMapping, kalshiMarketsToOdds } from "./kalshi-odds.ts";
import { kalshiMarketsPageSchema } from "./kalshi-schemas.ts";
import { candidateSplits, parseEventTicker } from "./kalshi-ticker.ts";

const NFL_FILE = ["kalshi", "markets-KXNFLGAME-26OCT08TBDAL.json"] as const;
const WNBA_FILE = ["kalshi", "markets-KXWNBAGAME-2026-07.json"] as const;
const load = (parts: readonly string[]) =>
  kalshiMarketsPageSchema.parse(JSON.parse(readFileSync(recordedFixture(...parts), "utf8")));

/** Kalshi codes differ from ours: Kalshi says JAC where ESPN (our ids) says JAX. */
const nfl: KalshiSportMapping = {
  series: ["KXNFLGAME"],
  teamIdFromCode: (code) => ({ TB: "TB", DAL: "DAL", PHI: "PHI", JAC: "JAX" })[code],
};
const wnba: KalshiSportMapping = {
  series: ["KXWNBAGAME"],
  teamIdFromCode: (code) => (["IND", "PHX", "LV", "PDX", "SEA", "ATL"].includes(code) ? code : undefined),
};
const observedAt = new Date("2026-10-06T12:00:00Z");

describe("Kalshi tickers", () => {
  it("reads date and glued AWAY+HOME codes from the event ticker", () => {
    expect(parseEventTicker("KXNFLGAME-26OCT08TBDAL")).toEqual({
      series: "KXNFLGAME",
      localDate: "2026-10-08",
      teamsCode: "TBDAL",
    });
    expect(parseEventTicker("KXNFLGAME-TBDAL")).toBeUndefined();
    expect(candidateSplits("TBDAL")).toEqual([
      { away: "TB", home: "DAL" },
      { away: "TBD", home: "AL" },
    ]);
  });
});

describe.skipIf(!hasRecordedFixture(...NFL_FILE))("Kalshi markets → game_odds (recorded KXNFLGAME)", () => {
  const games: KnownGame[] = [
    {
      gameId: "NFL_2026-10-08_TB_DAL",
      gameDate: "2026-10-08",
      commenceTime: new Date("2026-10-09T00:15:00Z"),
      homeTeamId: "DAL",
      awayTeamId: "TB",
    },
  ];

  it("prices each side at 1 / yes_ask and maps the market suffix to home/away", () => {
    const { records, unmatched } = kalshiMarketsToOdds(load(NFL_FILE).markets, nfl, games, { observedAt });
    expect(unmatched).toEqual([]);
    expect(records.map((r) => [r.externalId, r.outcomeName, r.price.toFixed(4)])).toEqual([
      ["KXNFLGAME-26OCT08TBDAL-DAL", "home_team_win", "1.2346"], // ask 0.8100
      ["KXNFLGAME-26OCT08TBDAL-TB", "away_team_win", "5.0000"], // ask 0.2000
    ]);
    const dal = records[0]!;
    expect(dal).toMatchObject({
      oddsId: "kalshi:NFL_2026-10-08_TB_DAL:moneyline:home_team_win",
      gameId: "NFL_2026-10-08_TB_DAL",
      bookmaker: "Kalshi",
      marketName: "moneyline",
      line: null,
      lastUpdate: observedAt,
      isPregame: true,
    });
  });

  it("reports the event as unmatched, with the reason, when no known game fits", () => {
    const otherDay = [{ ...games[0]!, gameDate: "2026-10-15", commenceTime: null }];
    const { records, unmatched } = kalshiMarketsToOdds(load(NFL_FILE).markets, nfl, otherDay, { observedAt });
    expect(records).toEqual([]);
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatchObject({
      externalId: "KXNFLGAME-26OCT08TBDAL",
      reason: expect.stringMatching(/near 2026-10-08/),
    });
  });

  it("reports unknown team codes instead of guessing", () => {
    const noCodes: KalshiSportMapping = { series: ["KXNFLGAME"], teamIdFromCode: () => undefined };
    const { unmatched } = kalshiMarketsToOdds(load(NFL_FILE).markets, noCodes, games, { observedAt });
    expect(unmatched[0]?.reason).toBe("team codes TBDAL do not split into two known team codes");
  });

  it("converts a sub-cent ask to 1000.0000 and refuses odds that overflow DECIMAL(10,4)", () => {
    const [dal] = load(NFL_FILE).markets;
    const subCent = { ...dal!, yes_ask_dollars: "0.0010" };
    expect(kalshiMarketsToOdds([subCent], nfl, games, { observedAt }).records[0]?.price.toFixed(4)).toBe(
      "1000.0000",
    );
    const tooSmall = { ...dal!, yes_ask_dollars: "0.000001" };
    expect(() => kalshiMarketsToOdds([tooSmall], nfl, games, { observedAt })).toThrow(
      "kalshi KXNFLGAME-26OCT08TBDAL-DAL: price 1000000 does not fit DECIMAL(10,4)",
    );
  });

  it("writes no row for a closed market and marks odds after the start as in-play", () => {
    const markets = load(NFL_FILE).markets.map((m) =>
      m.ticker.endsWith("-TB") ? { ...m, status: "closed" } : m,
    );
    const late = new Date("2026-10-09T01:00:00Z");
    const { records } = kalshiMarketsToOdds(markets, nfl, games, { observedAt: late });
    expect(records.map((r) => [r.externalId, r.isPregame])).toEqual([["KXNFLGAME-26OCT08TBDAL-DAL", false]]);
  });
});

describe.skipIf(!hasRecordedFixture(...WNBA_FILE))("Kalshi markets → game_odds (recorded KXWNBAGAME)", () => {
  it("splits codes of different lengths (LV+PDX) and tolerates extra fields", () => {
    const games: KnownGame[] = [
      { gameId: "W1", gameDate: "2026-07-09", commenceTime: null, homeTeamId: "PHX", awayTeamId: "IND" },
      { gameId: "W2", gameDate: "2026-07-09", commenceTime: null, homeTeamId: "PDX", awayTeamId: "LV" },
    ];
    const page = load(WNBA_FILE);
    expect(page.cursor).toBe("CgsIpKa20gYQwL7nMRIcS1hXTkJBR0FNRS0yNkpVTDA5U0VBQVRMLVNFQQ");
    const { records, unmatched } = kalshiMarketsToOdds(page.markets, wnba, games, { observedAt });
    expect(unmatched).toEqual([]);
    expect(records.map((r) => [r.gameId, r.outcomeName, r.price.toFixed(4)])).toEqual([
      ["W1", "home_team_win", "2.4390"], // PHX ask 0.4100
      ["W1", "away_team_win", "1.6667"], // IND ask 0.6000
      ["W2", "home_team_win", "4.0000"], // PDX ask 0.2500
    ]);
  });
});
