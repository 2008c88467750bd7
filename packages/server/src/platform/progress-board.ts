import type { RunProgress } from '@pgs/domain';

/**
 * Progress of long jobs (DESIGN.md "long jobs report progress"), kept in this process's memory under a key the
 * browser made, for the user who started the job. A job's own request answers when it is done; meanwhile the page
 * polls its key. Memory is enough: PGlite is one process by design, and one PGS process serves a PostgreSQL
 * deployment (several processes would each know only their own jobs; a shared table would be the next step).
 */

/** A job's progress is forgotten this long after its last report (the page stops polling when the job answers). */
const KEEP_MS = 10 * 60 * 1000;
/** More jobs than any office runs at once; past it the oldest are forgotten first. */
const MAX_JOBS = 1000;

type Entry = { owner: string; progress: RunProgress; at: number };

export class ProgressBoard {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * A reporter for the job under `key`, or undefined without a key. A key another user already holds is not taken
   * over: that job's reports stay its owner's, and this one's are dropped.
   */
  reporter(key: string | undefined, owner: string): ((progress: RunProgress) => void) | undefined {
    if (key === undefined) return undefined;
    return (progress) => {
      const held = this.jobs.get(key);
      if (held && held.owner !== owner) return;
      this.jobs.delete(key);
      this.jobs.set(key, { owner, progress, at: this.now() });
      this.forgetOld();
    };
  }

  /** The latest report of `key` for its owner; anyone else, or an unknown or forgotten key, gets undefined. */
  read(key: string, owner: string): RunProgress | undefined {
    this.forgetOld();
    const entry = this.jobs.get(key);
    return entry && entry.owner === owner ? entry.progress : undefined;
  }

  private forgetOld() {
    const oldest = this.now() - KEEP_MS;
    // Entries are in order of their last report (re-inserted on each), so the stale ones come first.
    for (const [key, entry] of this.jobs) {
      if (entry.at >= oldest && this.jobs.size <= MAX_JOBS) break;
      this.jobs.delete(key);
    }
  }
}
