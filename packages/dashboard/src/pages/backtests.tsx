// Backtests: the stored runs (`pnpm edgeline backtest`, core's `runBacktestJob`) with their
// parameters and headline figures (and the price a run assumed for unpriced lines); for the chosen
// run its equity curve, the calibration of the model, the blend and the market on the same games,
// and the baselines on the same prices.
import { useMemo } from "preact/hooks";
import { LineChart } from "../charts/line-chart.tsx";
import { Loaded } from "../components/loaded.tsx";
import { numeric, TableHead } from "../components/table-head.tsx";
import { dateTime, MISSING, money, percent, signedMoney } from "../format.ts";
import { useLoad } from "../graphql/use-load.ts";
import { calibrationSeries, equitySeries } from "../model/backtest-series.ts";
import { setParams, useLocation } from "../router.tsx";
import {
  type BacktestRunDetail,
  type BacktestRunSummary,
  loadBacktestRun,
  loadBacktestRuns,
} from "./backtests-queries.ts";

const FORECASTER_LABEL: Record<string, string> = {
  model: "Model",
  blend: "Blend",
  market: "Market (de-vigged close)",
  modelAll: "Model, every game it prices",
};

const interval = (low: number | null, high: number | null) =>
  low === null || high === null ? MISSING : `${percent(low)} to ${percent(high)}`;

function clvText(clv: BacktestRunSummary["clv"]): string {
  if (!clv) return MISSING;
  const own =
    clv.sameBookMeasured > 0
      ? `${percent(clv.sameBookAverage, 2)} against the own book's close (${percent(clv.beatShare)} of ${clv.sameBookMeasured} bets beat it)`
      : "not measurable against the own book's close";
  const consensus =
    clv.consensusMeasured > 0
      ? `${percent(clv.consensusAverage, 2)} against the de-vigged closing consensus (${clv.consensusMeasured} bets)`
      : "not measurable against the closing consensus";
  return `${own}; ${consensus}${clv.note ? ` (${clv.note})` : ""}.`;
}

export function BacktestsPage() {
  const runs = useLoad((signal) => loadBacktestRuns(signal), []);
  const { params } = useLocation();
  return (
    <>
      <h1>Backtests</h1>
      <Loaded state={runs.state} reload={runs.reload} label="backtest runs">
        {(data) => <RunsView runs={data.nodes} selected={params.get("run")} />}
      </Loaded>
    </>
  );
}

function RunsView(props: { runs: BacktestRunSummary[]; selected: string | null }) {
  if (props.runs.length === 0) {
    return (
      <p class="empty" role="status">
        No backtest runs stored yet. Run one with{" "}
        <code>pnpm edgeline backtest --sport NHL --from 2026-01-01 --to 2026-01-31</code>; each run is stored
        and shows here.
      </p>
    );
  }
  const chosen = props.runs.find((r) => r.id === props.selected) ?? props.runs[0]!;
  return (
    <>
      <section aria-labelledby="bt-runs">
        <h2 id="bt-runs">Runs and their parameters</h2>
        <table>
          <caption class="visually-hidden">Stored backtest runs, newest first</caption>
          <TableHead
            columns={[
              "Run",
              "Sport",
              "Strategy",
              "Span",
              "Model",
              numeric("Bets"),
              numeric("Profit"),
              numeric("Yield"),
              "Yield 95% interval",
              numeric("Max drawdown"),
              numeric("CLV (close consensus)"),
            ]}
          />
          <tbody>
            {props.runs.map((r) => (
              <tr key={r.id} aria-current={r.id === chosen.id ? "true" : undefined}>
                <td>
                  <button
                    type="button"
                    class="link"
                    aria-pressed={r.id === chosen.id}
                    onClick={() => setParams({ run: r.id })}
                  >
                    #{r.id}
                  </button>
                </td>
                <td>{r.sport}</td>
                <td>{r.strategy}</td>
                <td>
                  {r.from} to {r.to}
                </td>
                <td>{r.model}</td>
                <td class="num">{r.bets}</td>
                <td class="num">{signedMoney(r.profit)}</td>
                <td class="num">{percent(r.yield)}</td>
                <td>{interval(r.yieldLow, r.yieldHigh)}</td>
                <td class="num">{percent(r.maxDrawdown)}</td>
                <td class="num">{percent(r.clv?.consensusAverage ?? null, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <RunDetail run={chosen} />
    </>
  );
}

function RunDetail(props: { run: BacktestRunSummary }) {
  const { run } = props;
  const detail = useLoad((signal) => loadBacktestRun(run.id, signal), [run.id]);
  return (
    <>
      <section aria-labelledby="bt-params">
        <h2 id="bt-params">
          Run #{run.id}: {run.strategy} on {run.sport}
        </h2>
        <dl class="facts">
          <dt>Bankroll</dt>
          <dd>
            {money(run.startingBankroll)} to {money(run.endingBankroll)} (turnover {money(run.turnover)}, ROI{" "}
            {percent(run.roi)})
          </dd>
          <dt>Closing-line value</dt>
          <dd>{clvText(run.clv)}</dd>
          {run.assumedPrice ? (
            <>
              <dt>Assumed price</dt>
              <dd>{run.assumedPrice.note}</dd>
            </>
          ) : null}
          <dt>Stored</dt>
          <dd>{dateTime(run.createdAt)}</dd>
        </dl>
        <details>
          <summary>Parameters (JSON)</summary>
          <pre>{JSON.stringify(JSON.parse(run.parameters), null, 2)}</pre>
        </details>
      </section>
      <Loaded state={detail.state} reload={detail.reload} label="the run's curve and scores">
        {(d) => (d ? <RunCharts detail={d} /> : <p class="empty">This run no longer exists.</p>)}
      </Loaded>
    </>
  );
}

function RunCharts(props: { detail: BacktestRunDetail }) {
  const { detail } = props;
  const equity = useMemo(() => equitySeries(detail.curve), [detail.curve]);
  const sameGames = detail.forecasts.filter((f) => f.forecaster !== "modelAll");
  const calibration = useMemo(
    () => calibrationSeries(sameGames.length > 0 ? sameGames : detail.forecasts, FORECASTER_LABEL),
    [detail.forecasts],
  );
  return (
    <>
      <section aria-labelledby="bt-equity">
        <h2 id="bt-equity">Equity curve</h2>
        {equity.times.length === 0 ? (
          <p class="empty">The run placed no bet: its bankroll never moved.</p>
        ) : (
          <LineChart
            title="Bankroll at the end of each day"
            times={equity.times}
            series={[
              {
                label: "Bankroll",
                values: equity.bankroll,
                color: "#1b6ac9",
                format: (v) => money(v.toFixed(2)),
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="bt-calibration">
        <h2 id="bt-calibration">Calibration</h2>
        {calibration.x.length === 0 ? (
          <p class="empty">No played game was scored.</p>
        ) : (
          <LineChart
            title="Observed frequency against forecast probability, by decile"
            times={calibration.x}
            xAxis={{ label: "Forecast probability", format: (v) => percent(v, 0), range: [0, 1] }}
            series={calibration.series}
          />
        )}
        <table>
          <caption>Scores on the same games</caption>
          <TableHead
            columns={[
              "Forecaster",
              numeric("Games"),
              numeric("Brier"),
              numeric("Log loss"),
              numeric("Accuracy"),
            ]}
          />
          <tbody>
            {detail.forecasts.map((f) => (
              <tr key={f.forecaster}>
                <td>{FORECASTER_LABEL[f.forecaster] ?? f.forecaster}</td>
                <td class="num">{f.games}</td>
                <td class="num">{f.brier.toFixed(4)}</td>
                <td class="num">{f.logLoss.toFixed(4)}</td>
                <td class="num">{percent(f.accuracy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="bt-baselines">
        <h2 id="bt-baselines">Baselines</h2>
        <table>
          <caption class="visually-hidden">Simple strategies on the same games and prices</caption>
          <TableHead columns={["Baseline", numeric("Bets"), numeric("Yield"), "Yield 95% interval"]} />
          <tbody>
            {detail.baselines.map((b) => (
              <tr key={b.name}>
                <td>
                  <strong>{b.name}</strong>: {b.definition}
                </td>
                <td class="num">{b.bets}</td>
                <td class="num">{percent(b.yield)}</td>
                <td>{interval(b.yieldLow, b.yieldHigh)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
