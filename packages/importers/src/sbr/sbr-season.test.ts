import { describe, expect, it } from "vitest";
import { parseSeason, SeasonCalendar, seasonFromFileName } from "./sbr-season.ts";

const days = (label: string, mmdds: number[]) => {
  const calendar = new SeasonCalendar(parseSeason(label)!);
  return mmdds.map((m) => {
    const d = calendar.day(m);
    return d.ok ? d.day : `error: ${d.message}`;
  });
};

describe("SBR seasons", () => {
  it("reads season labels and the file names that carry one", () => {
    expect(parseSeason("2018-19")).toEqual({ label: "2018-19", firstYear: 2018, lastYear: 2019 });
    expect(parseSeason("1999-00")).toMatchObject({ firstYear: 1999, lastYear: 2000 });
    expect(parseSeason("2018-2019")).toMatchObject({ firstYear: 2018, lastYear: 2019 });
    expect(parseSeason("2019")).toMatchObject({ firstYear: 2019, lastYear: 2019 });
    expect(parseSeason("2018-20")).toBeUndefined();
    expect(seasonFromFileName("/x/nhl odds 2016-17 (1).xlsx")?.label).toBe("2016-17");
    expect(seasonFromFileName("nba odds.xlsx")).toBeUndefined();
    expect(seasonFromFileName("nba 20172018 odds.xlsx")).toBeUndefined();
  });

  it("wraps once from December to January", () => {
    expect(days("2007-08", [1030, 1231, 101, 415, 612])).toEqual([
      "2007-10-30",
      "2007-12-31",
      "2008-01-01",
      "2008-04-15",
      "2008-06-12",
    ]);
  });

  it("starts a season on 25 December (2011-12) and in January of its second year (2012-13 NHL)", () => {
    expect(days("2011-12", [1225, 1231, 101, 426])).toEqual([
      "2011-12-25",
      "2011-12-31",
      "2012-01-01",
      "2012-04-26",
    ]);
    expect(days("2012-13", [119, 428, 624])).toEqual(["2013-01-19", "2013-04-28", "2013-06-24"]);
  });

  it("runs into October of the second year (a suspended season finished later)", () => {
    expect(days("2019-20", [1022, 311, 730, 1011])).toEqual([
      "2019-10-22",
      "2020-03-11",
      "2020-07-30",
      "2020-10-11",
    ]);
  });

  it("refuses a second wrap, an impossible day and a bad MMDD", () => {
    expect(days("2018-19", [1016, 101, 1011, 301])[3]).toMatch(/^error: the month goes back from 10 to 3/);
    expect(days("2018-19", [1016, 230])[1]).toBe("error: 2019-02-30 is not a calendar day");
    expect(days("2018-19", [1345])[0]).toMatch(/^error: expected MMDD/);
    expect(days("2019", [328, 101])[1]).toMatch(/^error: the month goes back/);
  });
});
