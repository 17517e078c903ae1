// Backtests: the API has no backtest runs yet (`backtestRuns` is a separate issue). This page says
// so and keeps the sections the runs will fill: the list of runs with their parameters, and for a
// run its equity curve (LineChart, like the Overview), calibration plot and baselines.
export function BacktestsPage() {
  return (
    <>
      <h1>Backtests</h1>
      <p class="notice" role="status">
        The API has no backtest runs yet: there is no <code>backtestRuns</code> query in the schema. This page
        fills in when it lands; until then, replay ratings from the command line with{" "}
        <code>pnpm edgeline elo replay</code>.
      </p>
      <section aria-labelledby="bt-runs" data-placeholder="backtestRuns">
        <h2 id="bt-runs">Runs and their parameters</h2>
        <p class="empty">No runs: the schema has no backtest runs.</p>
      </section>
      <section aria-labelledby="bt-equity" data-placeholder="backtestRun.equityCurve">
        <h2 id="bt-equity">Equity curve</h2>
        <p class="empty">Chosen run's equity over time (not in the API yet).</p>
      </section>
      <section aria-labelledby="bt-calibration" data-placeholder="backtestRun.calibration">
        <h2 id="bt-calibration">Calibration</h2>
        <p class="empty">Predicted against observed win rate per probability bucket (not in the API yet).</p>
      </section>
      <section aria-labelledby="bt-baselines" data-placeholder="backtestRun.baselines">
        <h2 id="bt-baselines">Baselines</h2>
        <p class="empty">The run against the market and simple baselines (not in the API yet).</p>
      </section>
    </>
  );
}
