/** A few cockpits at once: today's and a past day or two, for each of the few scopes that read it. */
export const COCKPIT_CACHE_ENTRIES = 12;

type Entry<V> = { generation: number; value: V };

/**
 * The cockpit's answers by what they depend on (issue #14: one computation is ≈ 200 ms of PostgreSQL's CPU at
 * 100 000 rows of each kind, so ten leaders at once cannot stay under 200 ms by computing). An entry is good only for
 * the write generation it was computed at (audit's `writeGeneration`, read before the figures), so every committed
 * write, by this process or another on the same database, makes the next answer a fresh one. Identical misses of one
 * generation share one computation; a failed one is not kept. Least recently used entries go first.
 */
export class GenerationCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly flights = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries = COCKPIT_CACHE_ENTRIES) {}

  async get(key: string, generation: number, compute: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation) {
      // Map order is the recency order: the entry read moves to the end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const flightKey = `${generation}|${key}`;
    const flying = this.flights.get(flightKey);
    if (flying) return flying;
    const flight = compute()
      .then((value) => {
        this.keep(key, generation, value);
        return value;
      })
      .finally(() => this.flights.delete(flightKey));
    this.flights.set(flightKey, flight);
    return flight;
  }

  private keep(key: string, generation: number, value: V): void {
    // A slow computation of an older generation never replaces a newer one that finished first.
    const current = this.entries.get(key);
    if (current && current.generation > generation) return;
    this.entries.delete(key);
    this.entries.set(key, { generation, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
