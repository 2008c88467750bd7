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
  'trips.read',
  'trips.report',
  'trips.configure',
  'calendar.read',
  'calendar.edit',
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
  // §二(五) R2.8: each platform keeps its roster, monthly time declarations and trip reports (only its own, D10);
  // the bureau sets the reporting deadline and with the leading group and commissions reads every platform's.
  'trips.read': EVERY_BUSINESS_ROLE,
  'trips.report': ['platform'],
  'trips.configure': ['bureau'],
  // The national holiday calendar (working days) is reference data every module reads; the admin or the bureau
  // enters next year's from the 国务院办公厅 notice.
  'calendar.read': [...EVERY_BUSINESS_ROLE, 'admin', 'auditor'],
  'calendar.edit': ['admin', 'bureau'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** A `platform` user belongs to exactly one platform; every other role to none. */
export function roleNeedsPlatform(role: Role): boolean {
  return role === 'platform';
}
