/**
 * Items grouped by a key, groups in order of first appearance and items in input order (Node 20
 * has no `Map.groupBy`). Each group is appended to in place: linear in the items.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  let i = 0;
  for (const item of items) {
    const key = keyOf(item, i++);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
