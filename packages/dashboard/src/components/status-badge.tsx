// A status word with a colour that repeats its meaning (never colour alone).
export function StatusBadge(props: { status: string | null | undefined }) {
  const s = props.status ?? "unknown";
  return <span class={`badge badge-${s.replace(/[^a-z]/gi, "").toLowerCase()}`}>{s}</span>;
}
