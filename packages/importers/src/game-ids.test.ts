import { assignGameIds, type GameDraft } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { withGameIds } from "./game-ids.ts";

const draft = (sourceKey: string, hour: number, away = "CHW", home = "DET"): GameDraft => ({
  sourceKey,
  sport: "MLB",
  gameDate: "2022-09-17",
  season: 2022,
  status: "Final",
  homeTeamId: home,
  homeTeamName: home,
  awayTeamId: away,
  awayTeamName: away,
  homeScore: 1,
  awayScore: 2,
  commenceTime: new Date(Date.UTC(2022, 8, 17, hour)),
  venue: null,
});

describe("game ids in input order", () => {
  it("gives each draft the id core's assignGameIds gives it, whatever the input order", () => {
    const drafts = [draft("9", 23), draft("3", 17, "TEX", "TB"), draft("5", 17), draft("1", 23)];
    const ours = withGameIds(drafts).map((g) => [g.gameId, g.commenceTime.getUTCHours()]);
    expect(ours).toEqual([
      ["MLB_20220917_CHW_DET_3", 23],
      ["MLB_20220917_TEX_TB", 17],
      ["MLB_20220917_CHW_DET", 17],
      ["MLB_20220917_CHW_DET_2", 23],
    ]);
    const core = assignGameIds(drafts).map((g) => g.gameId);
    expect([...ours.map(([id]) => id)].sort()).toEqual([...core].sort());
  });
});
