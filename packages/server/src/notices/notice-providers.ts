import type { NoticeKind, Permission, PublicEntry } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { noticeLinesOfRun, publishedRunForNotice } from '../mu-evaluation/mu-evaluation.service.ts';
import { noticeLinesOfAssessment, publishedAssessmentForNotice } from '../assessment/assessment-notice.service.ts';

/**
 * What each kind of notice puts in public (R3.2 公示), behind one interface so a second kind — the platforms'
 * published yearly assessment (platform and rank, R4.2) — is one more provider and one more NOTICE_KINDS value, with
 * no change to the notices' tables, routes or pages. The notices module never reads another module's tables: each
 * provider calls its module's service.
 */
export interface NoticeSubjectProvider {
  kind: NoticeKind;
  /** Who puts such a result on notice and answers its objections (mu-evaluation: the eitc). */
  managePermission: Permission;
  /** The published result's year and public title, or null when it is not (or no longer) published. */
  describe(db: Db, subjectId: number): Promise<{ year: number; title: string } | null>;
  /** The public lines of the result: a name and a result (class, or rank), nothing else. */
  entries(
    db: Db,
    subjectId: number,
    query: { q?: string; page: number; pageSize: number },
  ): Promise<{ items: PublicEntry[]; total: number }>;
}

export const muEvaluationProvider: NoticeSubjectProvider = {
  kind: 'mu_evaluation',
  managePermission: 'evaluations.manage',
  describe: (db, subjectId) => publishedRunForNotice(db, subjectId),
  entries: (db, subjectId, query) => noticeLinesOfRun(db, subjectId, query.q, query.page, query.pageSize),
};

/** The platforms' published yearly assessment (R4.2): platform and rank; the drc (the group's office) manages it. */
export const platformAssessmentProvider: NoticeSubjectProvider = {
  kind: 'platform_assessment',
  managePermission: 'assessment.manage',
  describe: (db, subjectId) => publishedAssessmentForNotice(db, subjectId),
  entries: (db, subjectId, query) => noticeLinesOfAssessment(db, subjectId, query.q, query.page, query.pageSize),
};

export const NOTICE_PROVIDERS: Record<NoticeKind, NoticeSubjectProvider> = {
  mu_evaluation: muEvaluationProvider,
  platform_assessment: platformAssessmentProvider,
};
