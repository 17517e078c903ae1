// Renders a LoadState: a status line while loading, the key prompt on 401/403, the error otherwise.
import type { ComponentChildren } from "preact";
import { KeyPrompt } from "../auth/key-prompt.tsx";
import { AuthRequiredError } from "../graphql/client.ts";
import type { LoadState } from "../graphql/use-load.ts";

export function Loaded<T>(props: {
  state: LoadState<T>;
  reload: () => void;
  label: string;
  children: (data: T) => ComponentChildren;
}) {
  const { state } = props;
  if (state.status === "loading") {
    return (
      <p class="status" aria-busy="true">
        Loading {props.label}…
      </p>
    );
  }
  if (state.status === "error") return <ErrorNotice error={state.error} onKeySaved={props.reload} />;
  return <>{props.children(state.data)}</>;
}

export function ErrorNotice(props: { error: Error; onKeySaved?: () => void }) {
  if (props.error instanceof AuthRequiredError) {
    return <KeyPrompt status={props.error.status} message={props.error.message} onSaved={props.onKeySaved} />;
  }
  return (
    <p class="error" role="alert">
      {props.error.message}
    </p>
  );
}
