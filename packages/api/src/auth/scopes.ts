// What a key may do. A write key can also read: writes are a superset of reads.
export const SCOPES = ["read", "write"] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Whether a key of scope `has` may perform an operation that needs `needs`. */
export function allows(has: Scope, needs: Scope): boolean {
  return has === "write" || needs === "read";
}
