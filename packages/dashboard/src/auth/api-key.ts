// The API key of this browser session. It lives in sessionStorage only (gone when the tab closes),
// is sent as `authorization: Bearer <key>`, and never goes into a URL.
const STORAGE_KEY = "edgeline.apiKey";
const listeners = new Set<() => void>();

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the key cannot be kept, requests go without one
  }
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(STORAGE_KEY, key.trim());
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the key is set or cleared; returns the unsubscribe function. */
export function onApiKeyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
