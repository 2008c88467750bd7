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

/** What kind of job a key belongs to, so an import's key never reads as a run's. */
export type JobKind = 'evaluation' | 'import';
type Entry = { owner: string; progress: unknown; at: number };

export class ProgressBoard {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * A reporter for the job under `key`, or undefined without a key. A key another user already holds is not taken
   * over: that job's reports stay its owner's, and this one's are dropped.
   */
  reporter<Progress>(kind: JobKind, key: string | undefined, owner: string): ((progress: Progress) => void) | undefined {
    if (key === undefined) return undefined;
    const id = `${kind}:${key}`;
    return (progress) => {
      const held = this.jobs.get(id);
      if (held && held.owner !== owner) return;
      this.jobs.delete(id);
      this.jobs.set(id, { owner, progress, at: this.now() });
      this.forgetOld();
    };
  }

  /** The latest report of `key` for its owner; anyone else, or an unknown or forgotten key, gets undefined. */
  read<Progress>(kind: JobKind, key: string, owner: string): Progress | undefined {
    this.forgetOld();
    const entry = this.jobs.get(`${kind}:${key}`);
    return entry && entry.owner === owner ? (entry.progress as Progress) : undefined;
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
