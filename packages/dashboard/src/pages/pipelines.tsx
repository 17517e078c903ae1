// Pipelines: a grid of runs by sport × step × day (like Airflow's grid view), the failures with
// their errors, and re-running a day's pipeline or one step (`runPipeline`, a write key).
import { useId, useMemo, useState } from "preact/hooks";
import { ErrorNotice, Loaded } from "../components/loaded.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { numeric, TableHead } from "../components/table-head.tsx";
import { dateTime, MISSING, utcToday } from "../format.ts";
import { useLoad, useMutation } from "../graphql/use-load.ts";
import { failures, type GridCell, gridDays, type Run, runGrid } from "../model/run-grid.ts";
import { setParams, useLocation } from "../router.tsx";
import { loadRuns, runPipeline } from "./pipelines-queries.ts";

const STATUS_LETTER: Record<string, string> = { succeeded: "✓", failed: "✗", running: "▶", queued: "…" };

interface Selected {
  sport: string | null;
  step: string;
  day: string;
}

export function PipelinesPage() {
  const { params } = useLocation();
  const days = Number(params.get("days") ?? "14");
  const runs = useLoad((signal) => loadRuns(signal), []);
  const id = useId();

  return (
    <>
      <h1>Pipelines</h1>
      <form class="filters" aria-label="Grid window" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for={`${id}-days`}>Days shown</label>
          <select
            id={`${id}-days`}
            value={String(days)}
            onChange={(e) => setParams({ days: e.currentTarget.value })}
          >
            {[7, 14, 30].map((d) => (
              <option key={d} value={String(d)}>
                {d} days
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="button" onClick={runs.reload}>
            Refresh
          </button>
        </div>
      </form>
      <Loaded state={runs.state} reload={runs.reload} label="pipeline runs">
        {(data) => (
          <RunsView runs={data.nodes} days={days} truncated={data.truncated} onQueued={runs.reload} />
        )}
      </Loaded>
    </>
  );
}

function RunsView(props: { runs: Run[]; days: number; truncated: boolean; onQueued: () => void }) {
  const days = useMemo(() => gridDays(props.runs, props.days, utcToday()), [props.runs, props.days]);
  const grid = useMemo(() => runGrid(props.runs, days), [props.runs, days]);
  const failed = useMemo(() => failures(props.runs, days), [props.runs, days]);
  const [selected, setSelected] = useState<Selected | null>(null);
  const cell =
    selected &&
    grid.rows.find((r) => r.sport === selected.sport && r.step === selected.step)?.cells.get(selected.day);
  const sportsWithRuns = [...new Set(grid.rows.map((r) => r.sport).filter((s): s is string => s !== null))];

  return (
    <>
      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading">Runs by sport, step and day</h2>
        <p class="legend">
          Each cell is the latest attempt: {STATUS_LETTER.succeeded} succeeded, {STATUS_LETTER.failed} failed,{" "}
          {STATUS_LETTER.running} running, {STATUS_LETTER.queued} queued. Choose a cell for every attempt and
          to re-run it.
        </p>
        {grid.rows.length === 0 ? (
          <p class="empty">No pipeline run in these days.</p>
        ) : (
          <div class="grid-scroll">
            <table class="run-grid">
              <thead>
                <tr>
                  <th scope="col">Sport</th>
                  <th scope="col">Step</th>
                  {grid.days.map((d) => (
                    <th scope="col" key={d} class="day">
                      <span aria-hidden="true">{d.slice(5)}</span>
                      <span class="visually-hidden">{d}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={`${row.sport}:${row.step}`}>
                    <th scope="row">{row.sport ?? "hourly"}</th>
                    <th scope="row" class="step">
                      {row.step}
                    </th>
                    {grid.days.map((day) => {
                      const c = row.cells.get(day);
                      if (!c) return <td key={day} class="cell-empty" />;
                      const s = c.latest.status;
                      const isSelected =
                        selected?.sport === row.sport && selected.step === row.step && selected.day === day;
                      return (
                        <td key={day}>
                          <button
                            type="button"
                            class={`cell cell-${s}`}
                            aria-pressed={isSelected}
                            aria-label={`${row.sport ?? "hourly"} ${row.step} ${day}: ${s}${c.attempts.length > 1 ? `, ${c.attempts.length} attempts` : ""}`}
                            onClick={() =>
                              setSelected(isSelected ? null : { sport: row.sport, step: row.step, day })
                            }
                          >
                            {STATUS_LETTER[s] ?? "?"}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {props.truncated && <p class="note">Only the 1,500 most recently queued runs are shown.</p>}
      </section>
      {selected && cell && <CellDetails selected={selected} cell={cell} onQueued={props.onQueued} />}
      <RerunDay sports={sportsWithRuns} days={days} onQueued={props.onQueued} />
      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading">Failures</h2>
        {failed.length === 0 ? (
          <p class="empty">No failed attempt in these days.</p>
        ) : (
          <table>
            <TableHead columns={["Sport", "Step", "Day", numeric("Attempt"), "Finished", "Error"]} />
            <tbody>
              {failed.map((r) => (
                <tr key={r.id}>
                  <td>{r.sport ?? "hourly"}</td>
                  <td>{r.step}</td>
                  <td>{r.runDate}</td>
                  <td class="num">{r.attempt}</td>
                  <td>{dateTime(r.finishedAt)}</td>
                  <td class="error-text">{r.error ?? MISSING}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function CellDetails(props: { selected: Selected; cell: GridCell; onQueued: () => void }) {
  const { sport, step, day } = props.selected;
  return (
    <section aria-labelledby="cell-heading" class="panel">
      <h2 id="cell-heading">
        {sport ?? "hourly"} · {step} · {day}
      </h2>
      <table>
        <TableHead
          columns={[
            numeric("Attempt"),
            "Status",
            "Queued",
            "Started",
            "Finished",
            numeric("Rows written"),
            "Error",
          ]}
        />
        <tbody>
          {props.cell.attempts.map((a) => (
            <tr key={a.id}>
              <td class="num">{a.attempt}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>{dateTime(a.queuedAt)}</td>
              <td>{dateTime(a.startedAt)}</td>
              <td>{dateTime(a.finishedAt)}</td>
              <td class="num">{a.rowsWritten ?? MISSING}</td>
              <td class="error-text">{a.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sport ? (
        <RerunButton
          sport={sport}
          day={day}
          steps={[step]}
          label={`Re-run ${step} for ${sport} on ${day}`}
          onQueued={props.onQueued}
        />
      ) : (
        <p class="note">
          Hourly jobs are queued by their schedule (or the snapshotPortfolio / syncBets mutations).
        </p>
      )}
    </section>
  );
}

function RerunDay(props: { sports: string[]; days: string[]; onQueued: () => void }) {
  const id = useId();
  const [sport, setSport] = useState(props.sports[0] ?? "");
  const [day, setDay] = useState(props.days[props.days.length - 1] ?? utcToday());
  if (props.sports.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Re-run a day</h2>
      <div class="filters">
        <div>
          <label for={`${id}-sport`}>Sport</label>
          <select id={`${id}-sport`} value={sport} onChange={(e) => setSport(e.currentTarget.value)}>
            {props.sports.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-day`}>Day</label>
          <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
        </div>
        <div>
          <RerunButton
            sport={sport}
            day={day}
            steps={null}
            label={`Re-run the ${sport} pipeline for ${day}`}
            onQueued={props.onQueued}
          />
        </div>
      </div>
    </section>
  );
}

function RerunButton(props: {
  sport: string;
  day: string;
  steps: string[] | null;
  label: string;
  onQueued: () => void;
}) {
  const mutation = useMutation(runPipeline);
  const send = async () => {
    if (await mutation.run(props.sport, props.day, props.steps)) props.onQueued();
  };
  return (
    <div class="rerun">
      <button type="button" onClick={send} disabled={mutation.state.status === "running"}>
        {props.label}
      </button>
      {mutation.state.status === "done" && (
        <p role="status" class="success">
          {`Queued: ${mutation.state.data.pipelineRuns.map((r) => `${r.step} (run ${r.id}, ${r.status})`).join(", ")}; jobs ${
            mutation.state.data.jobs.map((j) => `${j.id} ${j.taskIdentifier} ${j.state}`).join(", ") ||
            "none waiting"
          }.`}
        </p>
      )}
      {mutation.state.status === "error" && <ErrorNotice error={mutation.state.error} onKeySaved={send} />}
    </div>
  );
}
