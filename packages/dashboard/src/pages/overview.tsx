// Overview: the portfolio curve (total value, realized and unrealized P&L) and its drawdown, open
// exposure by venue, today's recommendations and the latest bets.
import { useEffect, useId, useMemo } from "preact/hooks";
import { LineChart } from "../charts/line-chart.tsx";
import { gameLabel, outcomeLabel } from "../components/game-label.tsx";
import { ErrorNotice, Loaded } from "../components/loaded.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { numeric, TableHead } from "../components/table-head.tsx";
import { dateTime, money, odds, percent, signedMoney, utcToday } from "../format.ts";
import { useLoad, useMutation } from "../graphql/use-load.ts";
import { exposureByVenue } from "../model/exposure.ts";
import { portfolioSeries } from "../model/portfolio-series.ts";
import { setParams, useLocation } from "../router.tsx";
import {
  loadOpenBets,
  loadPortfolio,
  loadRecentBets,
  loadTodaysRecommendations,
  loadTradingStatus,
  type PortfolioState,
  type RecentBet,
  snapshotPortfolio,
  type TodayRecommendation,
  type TradingStatus,
} from "./overview-queries.ts";

const WINDOWS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "all", label: "Everything" },
] as const;

/** Marked once the first data page has rendered: the browser test and bench/dashboard.ts read it. */
export const FIRST_RENDER_MARK = "edgeline:first-render";

export function OverviewPage() {
  const { params } = useLocation();
  const window = params.get("window") ?? "30";
  const from = window === "all" ? null : new Date(Date.now() - Number(window) * 86_400_000).toISOString();
  const portfolio = useLoad((signal) => loadPortfolio(from, signal), [window]);
  const openBets = useLoad((signal) => loadOpenBets(signal), []);
  const today = utcToday();
  const todays = useLoad((signal) => loadTodaysRecommendations(today, signal), [today]);
  const recent = useLoad((signal) => loadRecentBets(signal), []);
  const selectId = useId();

  useEffect(() => {
    if (portfolio.state.status === "ok" && performance.getEntriesByName(FIRST_RENDER_MARK).length === 0) {
      performance.mark(FIRST_RENDER_MARK);
    }
  }, [portfolio.state.status]);

  return (
    <>
      <h1>Overview</h1>
      <TradingIndicators />
      <section aria-labelledby="portfolio-heading">
        <div class="section-head">
          <h2 id="portfolio-heading">Portfolio</h2>
          <label for={selectId}>Window</label>
          <select id={selectId} value={window} onChange={(e) => setParams({ window: e.currentTarget.value })}>
            {WINDOWS.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <Loaded state={portfolio.state} reload={portfolio.reload} label="the portfolio">
          {(data) => <PortfolioSection {...data} onSnapshot={portfolio.reload} />}
        </Loaded>
      </section>
      <section aria-labelledby="exposure-heading">
        <h2 id="exposure-heading">Open exposure by venue</h2>
        <Loaded state={openBets.state} reload={openBets.reload} label="open bets">
          {(data) => <ExposureTable bets={data.nodes} truncated={data.truncated} />}
        </Loaded>
      </section>
      <section aria-labelledby="recs-heading">
        <h2 id="recs-heading">
          Today's recommendations <span class="muted">({today}, UTC)</span>
        </h2>
        <Loaded state={todays.state} reload={todays.reload} label="today's recommendations">
          {(data) => <RecommendationsTable recs={data.nodes} />}
        </Loaded>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent bets</h2>
        <Loaded state={recent.state} reload={recent.reload} label="recent bets">
          {(bets) => <RecentBetsTable bets={bets} />}
        </Loaded>
      </section>
    </>
  );
}

/** Paper or live, paused or trading: the API's `tradingStatus` (the kill switch and the configuration). */
function TradingIndicators() {
  const status = useLoad((signal) => loadTradingStatus(signal), []);
  return (
    <Loaded state={status.state} reload={status.reload} label="the trading status">
      {(s) => <TradingIndicatorList status={s} />}
    </Loaded>
  );
}

function TradingIndicatorList({ status }: { status: TradingStatus }) {
  const since = status.changedAt ? ` since ${dateTime(status.changedAt)}` : "";
  const by = status.changedBy ? ` by ${status.changedBy}` : "";
  return (
    <ul class="indicators" aria-label="Trading mode">
      <li data-trading-mode={status.mode}>
        {status.mode === "live" ? (
          <>
            <span class="indicator indicator-live">Live</span> money: orders go to the venues
          </>
        ) : (
          <>
            <span class="indicator indicator-paper">Paper</span> money: every venue simulated, no order leaves
            Edgeline
          </>
        )}
      </li>
      <li data-trading-state={status.paused ? "paused" : "trading"}>
        {status.paused ? (
          <>
            <span class="indicator indicator-paused">Paused</span> no order is sent: kill switch set{by}
            {since}
            {status.reason ? ` (${status.reason})` : ""}
          </>
        ) : (
          <>
            <span class="indicator indicator-trading">Trading</span> the kill switch is off
            {status.changedAt ? ` (resumed${by}${since})` : ""}
          </>
        )}
      </li>
    </ul>
  );
}

function PortfolioSection(props: {
  current: PortfolioState;
  snapshots: {
    snapshotTime: string;
    totalValue: string;
    realizedPnl: string | null;
    unrealizedPnl: string | null;
  }[];
  truncated: boolean;
  onSnapshot: () => void;
}) {
  const series = useMemo(() => portfolioSeries(props.snapshots), [props.snapshots]);
  const fmt = (v: number) => money(v.toFixed(2));
  const valueSeries = useMemo(
    () => [{ label: "Total value", values: series.totalValue, color: "#1f5fa8", format: fmt }],
    [series],
  );
  const pnlSeries = useMemo(
    () => [
      { label: "Realized P&L", values: series.realizedPnl, color: "#2e7d32", format: fmt },
      { label: "Unrealized P&L", values: series.unrealizedPnl, color: "#b26a00", format: fmt },
    ],
    [series],
  );
  const ddSeries = useMemo(
    () => [{ label: "Drawdown", values: series.drawdown, color: "#b3261e", format: fmt }],
    [series],
  );
  const { current } = props;
  const latest = current.latestSnapshot;
  return (
    <>
      <dl class="kpis">
        <div>
          <dt>Total value</dt>
          <dd>{latest ? money(latest.totalValue) : "no snapshot yet"}</dd>
        </div>
        <div>
          <dt>Realized P&amp;L</dt>
          <dd>{signedMoney(current.realizedPnl)}</dd>
        </div>
        <div>
          <dt>Open bets</dt>
          <dd>
            {current.openBets} ({money(current.openStake)} staked, {money(current.openPotentialPayout)}{" "}
            potential payout)
          </dd>
        </div>
        <div>
          <dt>Settled bets</dt>
          <dd>{current.settledBets}</dd>
        </div>
        <div>
          <dt>Max drawdown</dt>
          <dd>
            {money(series.maxDrawdown.amount)} ({percent(series.maxDrawdown.fraction)})
          </dd>
        </div>
      </dl>
      {series.times.length === 0 ? (
        <p class="empty">No portfolio snapshot in this window yet: the hourly job takes one at minute 0.</p>
      ) : (
        <>
          <LineChart title="Portfolio value over time" times={series.times} series={valueSeries} />
          <LineChart
            title="Realized and unrealized P&L"
            times={series.times}
            series={pnlSeries}
            height={180}
          />
          <LineChart title="Drawdown from peak" times={series.times} series={ddSeries} height={160} />
          {props.truncated && <p class="note">Showing the first 5,000 snapshots of the window.</p>}
        </>
      )}
      <SnapshotNow onQueued={props.onSnapshot} />
    </>
  );
}

/** Queues a snapshot now (`snapshotPortfolio`, a write key) and reloads the curve shortly after. */
function SnapshotNow(props: { onQueued: () => void }) {
  const mutation = useMutation(snapshotPortfolio);
  const send = async () => {
    if (await mutation.run()) setTimeout(props.onQueued, 3000);
  };
  return (
    <div class="rerun">
      <button type="button" onClick={send} disabled={mutation.state.status === "running"}>
        Take a portfolio snapshot now
      </button>
      {mutation.state.status === "done" && (
        <p role="status" class="success">
          Snapshot queued; the curve reloads in a few seconds.
        </p>
      )}
      {mutation.state.status === "error" && <ErrorNotice error={mutation.state.error} onKeySaved={send} />}
    </div>
  );
}

function ExposureTable(props: {
  bets: { bookmaker: string; stake: string; potentialPayout: string | null }[];
  truncated: boolean;
}) {
  const rows = exposureByVenue(props.bets);
  if (rows.length === 0) return <p class="empty">No open bets.</p>;
  return (
    <table>
      <caption class="visually-hidden">Pending bets per venue</caption>
      <TableHead columns={["Venue", numeric("Open bets"), numeric("Stake"), numeric("Potential payout")]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.bookmaker}>
            <th scope="row">{r.bookmaker}</th>
            <td class="num">{r.bets}</td>
            <td class="num">{money(r.stake)}</td>
            <td class="num">{money(r.potentialPayout)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecommendationsTable({ recs }: { recs: TodayRecommendation[] }) {
  return (
    <>
      {recs.length === 0 ? (
        <p class="empty">No recommendation generated today.</p>
      ) : (
        <table>
          <TableHead
            columns={[
              "Sport",
              "Game",
              "Side",
              numeric("Edge"),
              numeric("Stake"),
              numeric("Expected value"),
              "Status",
            ]}
          />
          <tbody>
            {recs.map((r) => (
              <tr key={r.id}>
                <td>{r.sport}</td>
                <td>{gameLabel(r.game)}</td>
                <td>{outcomeLabel(r.side)}</td>
                <td class="num">{percent(r.edge)}</td>
                <td class="num">{money(r.recommendedStake)}</td>
                <td class="num">{signedMoney(r.expectedValue)}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function RecentBetsTable({ bets }: { bets: RecentBet[] }) {
  return (
    <>
      {bets.length === 0 ? (
        <p class="empty">No bet placed yet.</p>
      ) : (
        <table>
          <TableHead
            columns={[
              "Placed",
              "Game",
              "Venue",
              "Outcome",
              numeric("Odds"),
              numeric("Stake"),
              "Status",
              numeric("Result"),
            ]}
          />
          <tbody>
            {bets.map((b) => (
              <tr key={b.id}>
                <td>{dateTime(b.placedAt)}</td>
                <td>{gameLabel(b.game)}</td>
                <td>{b.bookmaker}</td>
                <td>{outcomeLabel(b.outcome)}</td>
                <td class="num">{odds(b.odds)}</td>
                <td class="num">{money(b.stake)}</td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <td class="num">{signedMoney(b.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
