/**
 * Progress of long jobs (DESIGN.md "long jobs report progress"), kept in this process's memory under a key the
 * browser made, for the user who started the job. A job's own request answers when it is done; meanwhile the page
 * polls its key. On PostgreSQL the reports are also written to the job_progress table (shared-progress.ts), so a
 * poll that reaches another server process of the deployment reads them too (issue #15); PGlite is one process.
 */

/** A job's progress is forgotten this long after its last report (the page stops polling when the job answers). */
const KEEP_MS = 10 * 60 * 1000;
/** More jobs than any office runs at once; past it the oldest are forgotten first. */
const MAX_JOBS = 1000;

import type { ImportProgress, RunProgress } from '@pgs/domain';
import type { Logger } from './log.ts';
import type { SharedProgress } from './shared-progress.ts';

/** What kind of job a key belongs to, so an import's key never reads as a run's. */
export type JobKind = 'evaluation' | 'import';

/** What each kind of job reports: a mu-evaluation run (R3.2) or an import of enterprise records. */
export type JobProgress = { evaluation: RunProgress; import: ImportProgress };
type Entry = { owner: string; progress: unknown; at: number };

export class ProgressBoard {
  private readonly jobs = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Issue #15: where every process reads the reports (PostgreSQL); none for PGlite, which is one process. */
    private readonly shared?: SharedProgress,
  ) {}

  /**
   * A reporter for the job under `key`, or undefined without a key. A key another user already holds is not taken
   * over: that job's reports stay its owner's, and this one's are dropped.
   *
   * With `log` (the request's logger, which names the request and the user) a report of `phase: 'failed'` is also
   * logged as a warning, key or no key: a failed run or import never goes unseen by the people who run the server.
   */
  reporter<Kind extends JobKind>(
    kind: Kind,
    key: string | undefined,
    owner: string,
    log?: Pick<Logger, 'warn'>,
  ): ((progress: JobProgress[Kind]) => void) | undefined {
    const logFailure = (progress: JobProgress[Kind]) => {
      if (log && progress.phase === 'failed') log.warn({ job: kind, progressKey: key, progress }, `${kind} failed`);
    };
    if (key === undefined) return log ? logFailure : undefined;
    const id = `${kind}:${key}`;
    return (progress) => {
      logFailure(progress);
      const held = this.jobs.get(id);
      if (held && held.owner !== owner) return;
      this.jobs.delete(id);
      this.jobs.set(id, { owner, progress, at: this.now() });
      this.forgetOld();
      this.shared?.report(id, owner, progress);
    };
  }

  /**
   * As `read`, and when this process does not know the job, the report another process left in the database (the
   * page's poll may reach a process other than the one doing the job).
   */
  async readShared<Kind extends JobKind>(
    kind: Kind,
    key: string,
    owner: string,
  ): Promise<JobProgress[Kind] | undefined> {
    const here = this.read(kind, key, owner);
    if (here !== undefined || !this.shared) return here;
    const entry = await this.shared.read(`${kind}:${key}`, this.now() - KEEP_MS);
    // The key carries the kind (`evaluation:…`), so what is stored under it is that kind's report.
    return entry && entry.owner === owner ? (entry.progress as JobProgress[Kind]) : undefined;
  }

  /** The latest report of `key` for its owner; anyone else, or an unknown or forgotten key, gets undefined. */
  read<Kind extends JobKind>(kind: Kind, key: string, owner: string): JobProgress[Kind] | undefined {
    this.forgetOld();
    const entry = this.jobs.get(`${kind}:${key}`);
    return entry && entry.owner === owner ? (entry.progress as JobProgress[Kind]) : undefined;
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
