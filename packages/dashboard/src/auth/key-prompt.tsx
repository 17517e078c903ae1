// Asks for an API key when the API answered 401 (no key, or a bad one) or 403 (a read key where a
// write key is needed). The key is kept in sessionStorage for this tab only.
import { useId, useState } from "preact/hooks";
import { apiKey, setApiKey } from "./api-key.ts";

export function KeyPrompt(props: { status: 401 | 403; message: string; onSaved?: () => void }) {
  const id = useId();
  const [value, setValue] = useState("");
  const needsWrite = props.status === 403 || /write/i.test(props.message);
  return (
    <form
      class="key-prompt"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!value.trim()) return;
        setApiKey(value);
        setValue("");
        props.onSaved?.();
      }}
    >
      <h2 id={`${id}-title`}>{needsWrite ? "A write API key is needed" : "An API key is needed"}</h2>
      <p>
        The API said: <q>{props.message}</q>. Create one with{" "}
        <code>pnpm edgeline keys create --scope {needsWrite ? "write" : "read"}</code>. It is kept in this
        browser tab only (sessionStorage) and sent as an <code>authorization: Bearer</code> header.
      </p>
      <label for={`${id}-key`}>API key</label>
      <input
        id={`${id}-key`}
        type="password"
        autoComplete="off"
        spellcheck={false}
        value={value}
        placeholder="edg_…"
        onInput={(e) => setValue(e.currentTarget.value)}
        required
      />
      <button type="submit">Use this key</button>
      {apiKey() && (
        <button type="button" onClick={() => setApiKey(null)}>
          Forget the current key
        </button>
      )}
    </form>
  );
}
