// The manual-bet area: active recommendations waiting to be placed by hand on a venue without an
// API, and a form that records a bet with `recordManualBet` (a write key) after a confirm step
// showing exactly what will be written. Cancel goes back to the form and writes nothing.
import { Decimal } from "decimal.js";
import { useId, useState } from "preact/hooks";
import { gameLabel, outcomeLabel } from "../components/game-label.tsx";
import { ErrorNotice, Loaded } from "../components/loaded.tsx";
import { money, odds, percent } from "../format.ts";
import { useLoad, useMutation } from "../graphql/use-load.ts";
import {
  loadQueue,
  type ManualBetInput,
  type QueuedRecommendation,
  recordManualBet,
} from "./bets-queries.ts";

interface Draft {
  bookmaker: string;
  gameId: string;
  marketId: string;
  marketTitle: string;
  outcome: string;
  odds: string;
  stake: string;
  betId: string;
  recommendationId: string;
}

const EMPTY: Draft = {
  bookmaker: "",
  gameId: "",
  marketId: "",
  marketTitle: "",
  outcome: "",
  odds: "",
  stake: "",
  betId: "",
  recommendationId: "",
};

const SIDE_OUTCOME: Record<string, string> = { home: "home_team_win", away: "away_team_win", draw: "draw" };

function draftFrom(r: QueuedRecommendation): Draft {
  return {
    ...EMPTY,
    gameId: r.gameId ?? "",
    marketId: r.marketId ?? "",
    marketTitle: r.game ? gameLabel(r.game) : "",
    outcome: (r.side && SIDE_OUTCOME[r.side]) ?? r.side ?? "",
    stake: r.recommendedStake ?? "",
    recommendationId: r.id,
  };
}

function toInput(d: Draft): ManualBetInput {
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  return {
    bookmaker: d.bookmaker.trim(),
    marketId: d.marketId.trim(),
    outcome: d.outcome.trim(),
    odds: d.odds.trim(),
    stake: d.stake.trim(),
    gameId: opt(d.gameId),
    marketTitle: opt(d.marketTitle),
    betId: opt(d.betId),
    recommendationId: opt(d.recommendationId),
  };
}

const payout = (d: Draft) => {
  try {
    return money(new Decimal(d.stake).times(d.odds));
  } catch {
    return "—";
  }
};

export function ManualBets(props: { onRecorded: () => void }) {
  const queue = useLoad((signal) => loadQueue(signal), []);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation(recordManualBet);
  const id = useId();

  const field = (name: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <div>
      <label for={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        value={draft[name]}
        onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
        {...extra}
      />
    </div>
  );

  const confirm = async () => {
    const bet = await mutation.run(toInput(draft));
    if (bet) {
      setConfirming(false);
      setDraft(EMPTY);
      props.onRecorded();
      queue.reload();
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Manual bets</h2>
      <h3>Waiting to be placed by hand</h3>
      <Loaded state={queue.state} reload={queue.reload} label="active recommendations">
        {(recs) =>
          recs.length === 0 ? (
            <p class="empty">
              No active recommendation is waiting (the paper broker places them as they come).
            </p>
          ) : (
            <ul class="queue">
              {recs.map((r) => (
                <li key={r.id}>
                  {r.sport} · {gameLabel(r.game, r.gameId)} · {outcomeLabel(r.side)} · edge {percent(r.edge)}{" "}
                  · stake {money(r.recommendedStake)}{" "}
                  <button
                    type="button"
                    onClick={() => {
                      setDraft(draftFrom(r));
                      setConfirming(false);
                      mutation.reset();
                    }}
                  >
                    Fill the form with recommendation {r.id}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h3>Record a manual bet</h3>
      {mutation.state.status === "done" && (
        <p class="success" role="status">
          Recorded bet {mutation.state.data.id}: {money(mutation.state.data.stake)} at{" "}
          {odds(mutation.state.data.odds)} on {mutation.state.data.bookmaker}, {mutation.state.data.status}.
        </p>
      )}
      {!confirming ? (
        <form
          class="manual-bet"
          aria-label="Manual bet"
          onSubmit={(e) => {
            e.preventDefault();
            mutation.reset();
            setConfirming(true);
          }}
        >
          {field("bookmaker", "Venue (bookmaker)", { required: true, placeholder: "BetMGM" })}
          {field("gameId", "Game id (optional)", { placeholder: "NHL_20261202_BOS_TOR" })}
          {field("marketId", "Market id", { required: true })}
          {field("marketTitle", "Market title (optional)")}
          {field("outcome", "Outcome backed", { required: true, placeholder: "home_team_win" })}
          {field("odds", "Decimal odds", {
            required: true,
            inputMode: "decimal",
            pattern: "\\d+(\\.\\d{1,4})?",
            placeholder: "2.10",
          })}
          {field("stake", "Stake ($)", {
            required: true,
            inputMode: "decimal",
            pattern: "\\d+(\\.\\d{1,2})?",
            placeholder: "25.00",
          })}
          {field("betId", "Venue ticket id (optional)")}
          {field("recommendationId", "Recommendation id (optional)", { inputMode: "numeric" })}
          <div class="actions">
            <button type="submit">Review…</button>
            <button type="button" onClick={() => setDraft(EMPTY)}>
              Clear
            </button>
          </div>
        </form>
      ) : (
        <fieldset class="confirm" aria-labelledby={`${id}-confirm`}>
          <h4 id={`${id}-confirm`}>Confirm this bet</h4>
          <dl>
            <dt>Venue</dt>
            <dd>{draft.bookmaker}</dd>
            <dt>Market</dt>
            <dd>
              {draft.marketTitle || draft.marketId} ({draft.marketId})
            </dd>
            <dt>Outcome</dt>
            <dd>{outcomeLabel(draft.outcome)}</dd>
            <dt>Odds</dt>
            <dd>{draft.odds}</dd>
            <dt>Stake</dt>
            <dd>{money(draft.stake || "0")}</dd>
            <dt>Potential payout</dt>
            <dd>{payout(draft)}</dd>
          </dl>
          {mutation.state.status === "error" && (
            <ErrorNotice error={mutation.state.error} onKeySaved={confirm} />
          )}
          <div class="actions">
            <button type="button" onClick={confirm} disabled={mutation.state.status === "running"}>
              Confirm and record
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
