/**
 * Roles of POLICY.md "The actors" (§四) and what each may do. One table, read by the server's
 * services and by the web's menu, so the two cannot drift.
 */
export const ROLES = ['leader', 'drc', 'bureau', 'eitc', 'platform', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  leader: '市产业平台发展工作领导小组',
  drc: '市发改委',
  bureau: '市招商局',
  eitc: '市经信委',
  platform: '平台管委会',
  admin: '系统管理员',
  auditor: '安全审计员',
};

export const PERMISSIONS = [
  'catalog.read',
  'catalog.edit',
  'industries.read',
  'industries.import',
  'users.manage',
  'audit.read',
  'accounts.review',
  'projects.read',
  'projects.report',
  'projects.move',
  'projects.circulate',
  'projects.configure',
  'enterprises.read',
  'enterprises.import',
  'evaluations.read',
  'evaluations.manage',
  'parcels.read',
  'parcels.edit',
  'parcels.publish',
  'parcels.configure',
  'renewal.read',
  'renewal.manage',
  'renewal.withdraw',
  'assessment.read',
  'assessment.manage',
  'assessment.milestones',
  'keyTasks.read',
  'keyTasks.edit',
  'keyTasks.report',
  'notices.read',
  'notices.manage',
  'targets.read',
  'targets.edit',
  'trips.read',
  'trips.report',
  'trips.configure',
  'calendar.read',
  'calendar.edit',
  'cockpit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_BUSINESS_ROLE: readonly Role[] = ['leader', 'drc', 'bureau', 'eitc', 'platform'];

/**
 * Who may do what. Separation of duties (POLICY.md actors table): the admin manages users and reference
 * data but does not edit catalogs; the auditor only reads the audit trail; the drc owns the catalogs (R4.1).
 */
const GRANTS: Record<Permission, readonly Role[]> = {
  // Published catalogs are public to every signed-in user (DESIGN.md: "published catalogs excepted").
  'catalog.read': [...EVERY_BUSINESS_ROLE, 'admin', 'auditor'],
  'catalog.edit': ['drc'],
  'industries.read': [...EVERY_BUSINESS_ROLE, 'admin', 'auditor'],
  'industries.import': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['auditor'],
  // 三员分立 (#10.11): every account and role change the admin or the operator makes is reviewed by the auditor.
  'accounts.review': ['auditor'],
  // §二: platforms report and move their own projects (a platform user sees only its own, D10); the bureau
  // confirms, rejects and circulates; the leading group and the commissions follow the ledger read-only.
  'projects.read': EVERY_BUSINESS_ROLE,
  'projects.report': ['platform'],
  'projects.move': ['platform', 'bureau'],
  'projects.circulate': ['bureau'],
  // The negotiation window and the evaluation sheet are the bureau's (it runs the pipeline, R2.2, R2.4).
  'projects.configure': ['bureau'],
  // §三 (R4.1: renewal is the eitc's): the eitc and the platforms keep the base database (a platform only its own
  // enterprises, D10); the eitc configures, runs, simulates and publishes the evaluation (D17); platforms read
  // their own results, the leadership group and the commissions read all.
  'enterprises.read': EVERY_BUSINESS_ROLE,
  'enterprises.import': ['eitc', 'platform'],
  'evaluations.read': EVERY_BUSINESS_ROLE,
  'evaluations.manage': ['eitc'],
  // §三 land (R3.1, R3.6): the platforms keep their parcel ledgers (D10: only their own), the eitc (renewal, R4.1)
  // keeps them city-wide; the drc and the bureau publish 批而未供 and vacated parcels for investors; the idle-land
  // settings are the eitc's and the drc's (issue #12).
  'parcels.read': EVERY_BUSINESS_ROLE,
  'parcels.edit': ['platform', 'eitc'],
  'parcels.publish': ['drc', 'bureau'],
  'parcels.configure': ['eitc', 'drc'],
  // §三(二) renewal cases (R3.5, R1.6; R4.1 and D17: renewal is the eitc's): the eitc opens and works every
  // platform's cases, a platform works its own (D10); only the eitc withdraws a case; the others read.
  'renewal.read': EVERY_BUSINESS_ROLE,
  'renewal.manage': ['eitc', 'platform'],
  'renewal.withdraw': ['eitc'],
  // §四 (R4.2–R4.3): the drc leads the group's office: it keeps the rubric, runs, publishes, records interviews. The
  // leader reads everything (drafts too); platforms read their own rows and the published ranking; the commissions
  // read published assessments. Key projects' milestones are kept by the drc and by each platform for its own.
  'assessment.read': EVERY_BUSINESS_ROLE,
  'assessment.manage': ['drc'],
  'assessment.milestones': ['drc', 'platform'],
  // R4.4 key-task list: the drc (the group's office) keeps it; a platform reports its own part, a lead department
  // the whole of its tasks (which part is the domain's mayReportPart); the leadership group reads.
  'keyTasks.read': EVERY_BUSINESS_ROLE,
  'keyTasks.edit': ['drc'],
  'keyTasks.report': ['platform', 'drc', 'bureau', 'eitc'],
  // R3.2 公示: the eitc puts its published evaluation on notice and answers objections; objections carry the
  // objector's contact, so only the departments read them, not the platforms.
  'notices.read': ['leader', 'drc', 'bureau', 'eitc'],
  // The eitc puts mu-evaluations on notice, the drc the platforms' assessment (each kind adds its own permission).
  'notices.manage': ['eitc', 'drc'],
  // §二(四)–(五) (R2.7–R2.8): each platform keeps its own target library, channels and quarters (D10: only its own);
  // the bureau runs investment promotion city-wide and may keep them too; the leadership group and the commissions
  // read every platform's library, maps and funnel.
  'targets.read': EVERY_BUSINESS_ROLE,
  'targets.edit': ['platform', 'bureau'],
  // §二(五) R2.8: each platform keeps its roster, monthly time declarations and trip reports (only its own, D10);
  // the bureau sets the reporting deadline and with the leading group and commissions reads every platform's.
  'trips.read': EVERY_BUSINESS_ROLE,
  'trips.report': ['platform'],
  'trips.configure': ['bureau'],
  // The national holiday calendar (working days) is reference data every module reads; the admin or the bureau
  // enters next year's from the 国务院办公厅 notice.
  'calendar.read': [...EVERY_BUSINESS_ROLE, 'admin', 'auditor'],
  'calendar.edit': ['admin', 'bureau'],
  // 驾驶舱 (issue #14): the leadership group's own page; the drc (the group's office) and the eitc follow it city-wide;
  // a platform sees its own column (D10). The bureau reads each module's own pages instead.
  'cockpit.read': ['leader', 'drc', 'eitc', 'platform'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** A `platform` user belongs to exactly one platform; every other role to none. */
export function roleNeedsPlatform(role: Role): boolean {
  return role === 'platform';
}
