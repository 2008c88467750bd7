/**
 * Process-wide invalidation of the small in-memory caches (sessions, published catalogs), issue #15.
 *
 * Each topic has a generation number; a cached entry remembers the generation it was read in and is a miss once the
 * generation moved. The writing code moves it at once (so the request after a logout in the same process never sees
 * the old session), and database triggers (migration 0012) send a NOTIFY on commit that every process listening on
 * the same PostgreSQL turns into the same move (platform/change-listener.ts). Whole-topic invalidation is enough:
 * what moves a generation (a logout, a user changed, a catalog published) is rare next to the reads it saves.
 */
export type ChangeTopic = 'sessions' | 'catalog';

/** The NOTIFY channel of each topic, as the triggers of migration 0012 name them. */
export const CHANGE_CHANNELS: Record<ChangeTopic, string> = { sessions: 'pgs_sessions', catalog: 'pgs_catalog' };

const generations: Record<ChangeTopic, number> = { sessions: 0, catalog: 0 };

export const generationOf = (topic: ChangeTopic) => generations[topic];

/** Something the topic's cache holds may have changed: every entry read before now is a miss. */
export function signalChange(topic: ChangeTopic): void {
  generations[topic] += 1;
}

/**
 * A map whose entries live at most `ttlMs`, by the wall clock AND by the app's clock (tests move the app's clock by
 * hand; the wall clock bounds how stale an entry can be if a NOTIFY was lost), and die with their topic's generation.
 */
export class ShortLivedCache<K, V> {
  private readonly entries = new Map<K, { value: V; generation: number; wallAt: number; appAt: number }>();

  constructor(
    private readonly topic: ChangeTopic,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K, now: Date): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const fresh =
      entry.generation === generations[this.topic] &&
      performance.now() - entry.wallAt < this.ttlMs &&
      Math.abs(now.getTime() - entry.appAt) < this.ttlMs;
    if (fresh) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Stores `value` read at `generation` (taken BEFORE the read, so a change during the read makes it a miss). */
  set(key: K, value: V, generation: number, now: Date): void {
    if (generation !== generations[this.topic]) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, generation, wallAt: performance.now(), appAt: now.getTime() });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}

/** One cache per database handle: tests open several databases in one process. */
export function perDatabase<C, D extends object = object>(make: (db: D) => C): (db: D) => C {
  const caches = new WeakMap<D, C>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = make(db)));
    return cache;
  };
}
