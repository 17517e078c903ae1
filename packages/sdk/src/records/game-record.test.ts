import { describe, expect, it } from "vitest";
import { gameRecordSchema } from "./game-record.ts";

// A tennis record: a sport whose entities are players, with no venue.
const final = {
  gameId: "TENNIS_20251007_SINNER_ALCARAZ",
  sport: "TENNIS",
  gameDate: "2025-10-07",
  season: 2025,
  status: "Final",
  homeTeamId: "ALCARAZ",
  homeTeamName: "Carlos Alcaraz",
  awayTeamId: "SINNER",
  awayTeamName: "Jannik Sinner",
  homeScore: 2,
  awayScore: 1,
  commenceTime: new Date("2025-10-07T12:30:00Z"),
  venue: null,
};

const issues = (value: unknown) =>
  gameRecordSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("gameRecordSchema", () => {
  it("accepts a well-formed record", () => {
    expect(issues(final)).toEqual([]);
  });

  it("rejects a postponed game with a score and a final without one", () => {
    expect(issues({ ...final, status: "Postponed" })).toEqual(["a Postponed game carries no score"]);
    expect(issues({ ...final, homeScore: null })).toEqual(["a Final game needs both scores"]);
  });

  it("takes a Final game's regulation score no larger than its final, and no other game's", () => {
    expect(issues({ ...final, regulationScore: { home: 1, away: 1 } })).toEqual([]);
    expect(issues({ ...final, regulationScore: { home: 3, away: 1 } })).toEqual([
      "regulation 3-1 exceeds the final 2-1",
    ]);
    expect(issues({ ...final, status: "InProgress", regulationScore: { home: 1, away: 1 } })).toEqual([
      "a game InProgress, not Final, has no regulation score",
    ]);
    expect(issues({ ...final, regulationScore: { home: -1, away: 1 } }).length).toBeGreaterThan(0);
  });

  it("rejects an id that disagrees with sport or day, an impossible day, and '_' in team ids", () => {
    expect(issues({ ...final, gameDate: "2025-10-08" })).toEqual(["does not start with sport and gameDate"]);
    expect(issues({ ...final, gameId: "TENNIS_20250230_SINNER_ALCARAZ", gameDate: "2025-02-30" })).toContain(
      "not a real calendar day",
    );
    expect(issues({ ...final, homeTeamId: "ALC_ARAZ" }).length).toBeGreaterThan(0);
    expect(issues({ ...final, status: "Done" }).length).toBeGreaterThan(0);
  });
});
