import {
  calendarDayIn,
  createEntityIndex,
  type DateRange,
  type EntityIndex,
  type GameDraft,
  type GameRecord,
  isInRange,
  toEntityId,
  toGameRecords,
} from "@edgeline/sdk";
import type { EspnLeagueConfig } from "./espn-league-config.ts";
import type { EspnCompetition, EspnCompetitor, EspnEvent, EspnScoreboard } from "./espn-schemas.ts";
import { espnStatus } from "./espn-status.ts";

/** Home and away competitors; tennis falls back to `order` (1 = home) when homeAway does not tell. */
function sides(competition: EspnCompetition): [EspnCompetitor, EspnCompetitor] | undefined {
  const list = competition.competitors;
  if (list.length !== 2) return undefined;
  const home = list.find((c) => c.homeAway === "home");
  const away = list.find((c) => c.homeAway === "away");
  if (home && away) return [home, away];
  const byOrder = [...list].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return [byOrder[0]!, byOrder[1]!];
}

function entityOf(c: EspnCompetitor, entities: EntityIndex): { id: string; name: string } | undefined {
  if (c.team) {
    const code = c.team.abbreviation ?? c.team.displayName;
    return entities.resolve("espn", code, c.team.displayName);
  }
  // Players are known by name across sources; ESPN's numeric athlete id is ESPN's alone.
  const name = c.athlete?.displayName;
  if (!name || c.id.startsWith("-") || name === "TBD") return undefined;
  const id = entities.idFromName(name) ?? toEntityId(name);
  return { id, name: entities.get(id)?.name ?? name };
}

/** Team score, or sets won in tennis (linescores flagged as won). */
function scoreOf(c: EspnCompetitor, entityKind: EspnLeagueConfig["entityKind"]): number | null {
  if (entityKind === "player") return (c.linescores ?? []).filter((s) => s.winner === true).length;
  if (c.score === undefined || c.score === "") return null;
  const n = Number(c.score);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** ESPN's part of the season: the slug where given (soccer's `type` is not this enum), else the type. */
export function espnSeasonPart(event: Pick<EspnEvent, "season">): "preseason" | "regular" | "postseason" {
  const { type, slug } = event.season ?? {};
  if (slug === "preseason" || (slug === undefined && type === 1)) return "preseason";
  if (slug === "post-season" || (slug === undefined && type === 3)) return "postseason";
  return "regular";
}

function season(event: EspnEvent, config: EspnLeagueConfig): number | null {
  const year = event.season?.year;
  if (year === undefined) return null;
  return config.seasonYear === "end" ? year - 1 : year;
}

function toDraft(
  event: EspnEvent,
  competition: EspnCompetition,
  config: EspnLeagueConfig,
  entities: EntityIndex,
): GameDraft | undefined {
  const pair = sides(competition);
  const status = competition.status ?? event.status;
  const part = espnSeasonPart(event);
  // Preseason games are left out: not rated, not bet.
  if (!pair || !status || part === "preseason") return undefined;
  const [homeC, awayC] = pair;
  const home = entityOf(homeC, entities);
  const away = entityOf(awayC, entities);
  if (!home || !away) return undefined;
  const mapped = espnStatus(status);
  const scored = mapped === "InProgress" || mapped === "Final";
  const commenceTime = new Date(competition.date);
  return {
    sourceKey: competition.id,
    sport: config.code,
    gameDate: calendarDayIn(commenceTime, config.timeZone),
    season: season(event, config),
    status: mapped,
    homeTeamId: home.id,
    homeTeamName: home.name,
    awayTeamId: away.id,
    awayTeamName: away.name,
    homeScore: scored ? scoreOf(homeC, config.entityKind) : null,
    awayScore: scored ? scoreOf(awayC, config.entityKind) : null,
    commenceTime,
    venue: competition.venue?.fullName || null,
    neutralSite: competition.neutralSite ?? false,
    playoff: part === "postseason",
  };
}

/** The competitions of an event that belong to this sport (tennis: only the configured draws). */
function competitionsOf(event: EspnEvent, config: EspnLeagueConfig): EspnCompetition[] {
  if (config.leagueUid && !event.uid.startsWith(`${config.leagueUid}~`)) return [];
  if (event.groupings) {
    const keep = config.groupings;
    return event.groupings
      .filter((g) => !keep || keep.includes(g.grouping.slug))
      .flatMap((g) => g.competitions);
  }
  return event.competitions?.slice(0, 1) ?? [];
}

/** Drafts of every game of this sport in the payload whose local day lies in `range`. */
export function espnScoreboardDrafts(
  payload: EspnScoreboard,
  config: EspnLeagueConfig,
  range: DateRange,
): GameDraft[] {
  const entities = createEntityIndex(config.entities);
  return payload.events.flatMap((event) =>
    competitionsOf(event, config)
      .map((c) => toDraft(event, c, config, entities))
      .filter((g): g is GameDraft => g !== undefined && isInRange(g.gameDate, range)),
  );
}

/** Validated records from drafts of one or more payloads (the same game seen twice counts once). */
export function espnGames(drafts: readonly GameDraft[]): GameRecord[] {
  const unique = new Map(drafts.map((d) => [d.sourceKey, d]));
  return toGameRecords([...unique.values()]);
}
