// Sport: a day's games with the best price per outcome, the de-vigged market and the model's
// probability; the Elo leaderboard; a team's rating history as a chart.
import { useId, useMemo } from "preact/hooks";
import { LineChart } from "../charts/line-chart.tsx";
import { outcomeLabel } from "../components/game-label.tsx";
import { Loaded } from "../components/loaded.tsx";
import { numeric, TableHead } from "../components/table-head.tsx";
import { dateTime, MISSING, odds, percent, rating, utcToday } from "../format.ts";
import { useLoad } from "../graphql/use-load.ts";
import { marketPrices, outcomeSide } from "../model/market-prices.ts";
import { navigate, setParams, useLocation } from "../router.tsx";
import { loadGames, loadHistory, loadLeaderboard, type SportGame } from "./sport-queries.ts";

export function SportPage(props: { sport: string }) {
  const { params } = useLocation();
  const date = params.get("date") ?? utcToday();
  const entity = params.get("team");
  const { sport } = props;
  const games = useLoad((signal) => loadGames(sport, date, signal), [sport, date]);
  const board = useLoad((signal) => loadLeaderboard(sport, signal), [sport]);
  const id = useId();

  return (
    <>
      <h1>{sport}</h1>
      <form class="filters" aria-label="Sport and day" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for={`${id}-sport`}>Sport</label>
          <select
            id={`${id}-sport`}
            value={sport}
            onChange={(e) => navigate(`/sport/${e.currentTarget.value}?date=${date}`)}
          >
            {board.state.status === "ok" ? (
              board.state.data.sports.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} ({s.code})
                </option>
              ))
            ) : (
              <option value={sport}>{sport}</option>
            )}
          </select>
        </div>
        <div>
          <label for={`${id}-date`}>Game day</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) =>
              e.currentTarget.value && setParams({ date: e.currentTarget.value, team: entity })
            }
          />
        </div>
      </form>
      <section aria-labelledby={`${id}-games`}>
        <h2 id={`${id}-games`}>Games on {date}</h2>
        <Loaded state={games.state} reload={games.reload} label="games">
          {(data) => <GamesTable games={data.nodes} />}
        </Loaded>
      </section>
      <div class="two-columns">
        <section aria-labelledby={`${id}-board`}>
          <h2 id={`${id}-board`}>Elo leaderboard</h2>
          <Loaded state={board.state} reload={board.reload} label="the leaderboard">
            {(data) =>
              data.leaderboard.edges.length === 0 ? (
                <p class="empty">No ratings for {sport} yet.</p>
              ) : (
                <table>
                  <TableHead columns={[numeric("#"), "Team", numeric("Rating"), numeric("Games"), "Since"]} />
                  <tbody>
                    {data.leaderboard.edges.map(({ node }, i) => (
                      <tr key={node.id} aria-current={node.entityId === entity ? "true" : undefined}>
                        <td class="num">{i + 1}</td>
                        <td>
                          <button
                            type="button"
                            class="link"
                            onClick={() => setParams({ date, team: node.entityId })}
                          >
                            {node.entityName} <span class="visually-hidden">: show rating history</span>
                          </button>
                        </td>
                        <td class="num">{rating(node.rating)}</td>
                        <td class="num">{node.gamesPlayed ?? MISSING}</td>
                        <td>{node.validFrom}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </Loaded>
        </section>
        <section aria-labelledby={`${id}-history`}>
          <h2 id={`${id}-history`}>Rating history</h2>
          {entity ? (
            <RatingHistory sport={sport} entityId={entity} />
          ) : (
            <p class="empty">Choose a team in the leaderboard.</p>
          )}
        </section>
      </div>
    </>
  );
}

function GamesTable(props: { games: SportGame[] }) {
  if (props.games.length === 0) return <p class="empty">No game on this day.</p>;
  return (
    <table class="games">
      <TableHead
        columns={[
          "Game",
          "Start",
          "Status",
          "Outcome",
          numeric("Best price"),
          "At",
          numeric("Market (de-vigged)"),
          numeric("Model"),
        ]}
      />
      {props.games.map((g) => {
        const prices = marketPrices(g.odds);
        const model = g.modelProbabilities;
        const rows = prices.length ? prices : [null];
        const score =
          g.home.score !== null && g.away.score !== null ? ` ${g.away.score}–${g.home.score}` : "";
        return (
          <tbody key={g.id}>
            {rows.map((p, i) => {
              const side = p ? outcomeSide(p.outcome) : null;
              const modelP = model && side ? model[side] : null;
              return (
                <tr key={p?.outcome ?? "none"}>
                  {i === 0 && (
                    <>
                      <th scope="rowgroup" rowSpan={rows.length}>
                        {g.away.name ?? g.away.entityId} at {g.home.name ?? g.home.entityId}
                      </th>
                      <td rowSpan={rows.length}>{dateTime(g.commenceTime)}</td>
                      <td rowSpan={rows.length}>
                        {g.status ?? MISSING}
                        {score}
                      </td>
                    </>
                  )}
                  {p ? (
                    <>
                      <td>{outcomeLabel(p.outcome)}</td>
                      <td class="num">{odds(p.best.price)}</td>
                      <td>{p.best.bookmaker}</td>
                      <td class="num">{percent(p.fair)}</td>
                      <td class="num">{modelP == null ? MISSING : percent(modelP)}</td>
                    </>
                  ) : (
                    <td colSpan={5}>
                      No moneyline prices
                      {model ? `; model: home ${percent(model.home)}, away ${percent(model.away)}` : ""}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        );
      })}
    </table>
  );
}

function RatingHistory(props: { sport: string; entityId: string }) {
  const history = useLoad(
    (signal) => loadHistory(props.sport, props.entityId, signal),
    [props.sport, props.entityId],
  );
  return (
    <Loaded state={history.state} reload={history.reload} label="the rating history">
      {(rows) => <HistoryChart rows={rows} />}
    </Loaded>
  );
}

function HistoryChart(props: { rows: { entityName: string; rating: string; validFrom: string }[] }) {
  const times = useMemo(
    () => props.rows.map((r) => Date.parse(`${r.validFrom}T00:00:00Z`) / 1000),
    [props.rows],
  );
  const series = useMemo(
    () => [
      {
        label: "Elo rating",
        values: props.rows.map((r) => Number(r.rating)),
        color: "#1f5fa8",
        format: (v: number) => v.toFixed(1),
      },
    ],
    [props.rows],
  );
  if (props.rows.length === 0) return <p class="empty">No rating rows for this team.</p>;
  return (
    <LineChart
      title={`${props.rows[0]!.entityName}: Elo rating by day`}
      times={times}
      series={series}
      paths="step"
    />
  );
}
