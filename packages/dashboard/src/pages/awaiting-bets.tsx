// The manual queue: live book bets written awaiting a person, each with its stake and the minimum
// acceptable odds (below them the bet no longer has the sport's edge) and its deadline, the game's
// start, when it expires unconfirmed. Confirming is the CLI's or GraphQL's `recordManualBet`.
import { gameIdLabel, outcomeLabel } from "../components/game-label.tsx";
import { Loaded } from "../components/loaded.tsx";
import { numeric, TableHead } from "../components/table-head.tsx";
import { dateTime, money, odds, oddsFloor } from "../format.ts";
import { useLoad } from "../graphql/use-load.ts";
import { type AwaitingBet, loadAwaiting } from "./bets-queries.ts";

export function AwaitingBets() {
  const awaiting = useLoad((signal) => loadAwaiting(signal), []);
  return (
    <section aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading">Awaiting a person</h2>
      <Loaded state={awaiting.state} reload={awaiting.reload} label="bets awaiting a person">
        {(data) => <AwaitingTable bets={data.nodes} />}
      </Loaded>
    </section>
  );
}

function AwaitingTable({ bets }: { bets: AwaitingBet[] }) {
  if (bets.length === 0) return <p class="empty">No book bet is waiting to be placed.</p>;
  return (
    <>
      <p>
        Place each at its book at no less than the minimum odds, then record what you got:{" "}
        <code>pnpm edgeline bets confirm &lt;id&gt; --odds &lt;o&gt; --stake &lt;s&gt;</code> (or{" "}
        <code>bets cancel &lt;id&gt;</code>). Unconfirmed bets expire at the game's start.
      </p>
      <table>
        <caption class="visually-hidden">Book bets awaiting a person</caption>
        <TableHead
          columns={[
            "Bet",
            "Game or market",
            "Book",
            "Outcome",
            numeric("Stake"),
            numeric("Odds"),
            numeric("Minimum odds (at least)"),
            "Deadline",
          ]}
        />
        <tbody>
          {bets.map((b) => (
            <tr key={b.id}>
              <td>
                <code>{b.id}</code>
              </td>
              <td>{b.gameId ? gameIdLabel(b.gameId) : (b.marketTitle ?? b.marketId)}</td>
              <td>{b.bookmaker}</td>
              <td>{outcomeLabel(b.outcome)}</td>
              <td class="num">{money(b.stake)}</td>
              <td class="num">{odds(b.odds)}</td>
              <td class="num">{oddsFloor(b.minOdds)}</td>
              <td>{b.marketCloseTime ? dateTime(b.marketCloseTime) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
