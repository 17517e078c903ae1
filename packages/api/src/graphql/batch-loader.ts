// A minimal per-request batcher (the DataLoader idea): loads requested in the same tick become one
// query, so a list of N parents costs one statement for a computed field instead of N.
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<ReadonlyMap<string, V>>;

export class BatchLoader<K, V> {
  private pending = new Map<
    string,
    { key: K; waiters: ((v: V | undefined) => void)[]; fail: ((e: unknown) => void)[] }
  >();
  private scheduled = false;
  private readonly cache = new Map<string, Promise<V | undefined>>();

  constructor(
    private readonly batch: BatchFn<K, V>,
    private readonly keyOf: (key: K) => string,
  ) {}

  load(key: K): Promise<V | undefined> {
    const id = this.keyOf(key);
    const cached = this.cache.get(id);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      const entry = this.pending.get(id) ?? { key, waiters: [], fail: [] };
      entry.waiters.push(resolve);
      entry.fail.push(reject);
      this.pending.set(id, entry);
    });
    this.cache.set(id, promise);
    if (!this.scheduled) {
      this.scheduled = true;
      // After the current promise jobs (sibling resolvers) have run, as DataLoader schedules.
      void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
    }
    return promise;
  }

  private async dispatch(): Promise<void> {
    const entries = [...this.pending.entries()];
    this.pending = new Map();
    this.scheduled = false;
    try {
      const results = await this.batch(entries.map(([, e]) => e.key));
      for (const [id, e] of entries) for (const w of e.waiters) w(results.get(id));
    } catch (error) {
      for (const [, e] of entries) for (const f of e.fail) f(error);
    }
  }
}
