// Bets: the book bets awaiting a person, every placed bet filtered by sport, venue, status and day
// (filters live in the URL), and the manual-bet area below.
import { Decimal } from "decimal.js";
import { useEffect, useId, useState } from "preact/hooks";
import { gameIdLabel, outcomeLabel } from "../components/game-label.tsx";
import { Loaded } from "../components/loaded.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { numeric, TableHead } from "../components/table-head.tsx";
import { dateTime, money, odds, signedMoney } from "../format.ts";
import { useLoad } from "../graphql/use-load.ts";
import { setParams, useLocation } from "../router.tsx";
import { AwaitingBets } from "./awaiting-bets.tsx";
import { type Bet, type BetFilters, loadBets, loadSports } from "./bets-queries.ts";
import { ManualBets } from "./manual-bet.tsx";

const STATUSES = ["pending", "win", "loss", "void", "awaiting", "cancelled", "expired"];
const FILTER_KEYS = ["sport", "bookmaker", "status", "fromDay", "toDay"] as const;

export function BetsPage() {
  const { params } = useLocation();
  const filters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) || null]),
  ) as unknown as BetFilters;
  const key = JSON.stringify(filters);
  const bets = useLoad((signal) => loadBets(filters, signal), [key]);
  const sports = useLoad((signal) => loadSports(signal), []);
  const id = useId();
  const update = (k: keyof BetFilters, v: string) => setParams({ ...filters, [k]: v || null });
  // What is typed, applied to the URL on change (Enter or leaving the field); kept here so that a
  // re-render while typing (a list reloading) does not reset it.
  const [venue, setVenue] = useState(filters.bookmaker ?? "");
  useEffect(() => setVenue(filters.bookmaker ?? ""), [filters.bookmaker]);

  return (
    <>
      <h1>Bets</h1>
      <AwaitingBets />
      <form class="filters" aria-label="Filter bets" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for={`${id}-sport`}>Sport</label>
          <select
            id={`${id}-sport`}
            value={filters.sport ?? ""}
            onChange={(e) => update("sport", e.currentTarget.value)}
          >
            <option value="">All sports</option>
            {sports.state.status === "ok" &&
              sports.state.data.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} ({s.code})
                </option>
              ))}
          </select>
        </div>
        <div>
          <label for={`${id}-venue`}>Venue</label>
          <input
            id={`${id}-venue`}
            value={venue}
            placeholder="e.g. Paper, BetMGM"
            onInput={(e) => setVenue(e.currentTarget.value)}
            onChange={(e) => update("bookmaker", e.currentTarget.value.trim())}
          />
        </div>
        <div>
          <label for={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status ?? ""}
            onChange={(e) => update("status", e.currentTarget.value)}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-from`}>Placed from (UTC day)</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.fromDay ?? ""}
            onChange={(e) => update("fromDay", e.currentTarget.value)}
          />
        </div>
        <div>
          <label for={`${id}-to`}>Placed to (UTC day, inclusive)</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.toDay ?? ""}
            onChange={(e) => update("toDay", e.currentTarget.value)}
          />
        </div>
        <div>
          <button type="button" onClick={() => setParams({})}>
            Clear filters
          </button>
        </div>
      </form>
      <section aria-labelledby="bets-heading">
        <h2 id="bets-heading">Placed bets</h2>
        <Loaded state={bets.state} reload={bets.reload} label="bets">
          {(data) => <BetsTable bets={data.bets} truncated={data.truncated} />}
        </Loaded>
      </section>
      <ManualBets onRecorded={bets.reload} />
    </>
  );
}

function BetsTable(props: { bets: Bet[]; truncated: boolean }) {
  if (props.bets.length === 0) return <p class="empty">No bet matches these filters.</p>;
  const stake = props.bets.reduce((s, b) => s.plus(b.stake), new Decimal(0));
  const result = props.bets.reduce((s, b) => s.plus(b.result ?? 0), new Decimal(0));
  return (
    <>
      <p aria-live="polite">
        {props.bets.length} bets, {money(stake)} staked, settled result {signedMoney(result)}
        {props.truncated && " (the first 1,000 of the venue/status/day filters)"}.
      </p>
      <table>
        <TableHead
          columns={[
            "Placed",
            "Sport",
            "Game or market",
            "Venue",
            "Mode",
            "Outcome",
            numeric("Odds"),
            numeric("Stake"),
            numeric("Potential payout"),
            "Status",
            numeric("Result"),
          ]}
        />
        <tbody>
          {props.bets.map((b) => (
            <tr key={b.id}>
              <td>{dateTime(b.placedAt)}</td>
              <td>{b.game?.sport ?? "—"}</td>
              <td>{b.gameId ? gameIdLabel(b.gameId) : (b.marketTitle ?? b.marketId)}</td>
              <td>{b.bookmaker}</td>
              {/* A paper bet must never read as a live one. */}
              <td>{b.tradingMode === "live" ? <strong>LIVE</strong> : "paper"}</td>
              <td>{outcomeLabel(b.outcome)}</td>
              <td class="num">{odds(b.odds)}</td>
              <td class="num">{money(b.stake)}</td>
              <td class="num">{money(b.potentialPayout)}</td>
              <td>
                <StatusBadge status={b.status} />
              </td>
              <td class="num">{signedMoney(b.result)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
