// Loading data in a component: runs `load` when `deps` change or the API key changes, aborts the
// previous request, and keeps the last outcome (loading, data or error) for rendering.
import { useCallback, useEffect, useState } from "preact/hooks";
import { onApiKeyChange } from "../auth/api-key.ts";

export type LoadState<T> =
  | { status: "loading" }
  | { status: "ok"; data: T }
  | { status: "error"; error: Error };

export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => onApiKeyChange(reload), [reload]);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.status === "ok" ? s : { status: "loading" }));
    load(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: "ok", data }),
      (error: unknown) =>
        controller.signal.aborted ||
        setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
  }, [...deps, generation]);
  return { state, reload };
}

export type MutationState<T> =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; data: T }
  | { status: "error"; error: Error };

/** A write: `run(...)` sends it; the state says whether it is running, done or failed. */
export function useMutation<Args extends unknown[], T>(
  send: (...args: Args) => Promise<T>,
): { state: MutationState<T>; run: (...args: Args) => Promise<T | undefined>; reset: () => void } {
  const [state, setState] = useState<MutationState<T>>({ status: "idle" });
  const run = async (...args: Args) => {
    setState({ status: "running" });
    try {
      const data = await send(...args);
      setState({ status: "done", data });
      return data;
    } catch (error) {
      setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) });
      return undefined;
    }
  };
  return { state, run, reset: () => setState({ status: "idle" }) };
}
