import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLE_LABELS, roleNeedsPlatform, ROLES, type Permission, type Role } from './roles.ts';

/**
 * The expected role × permission table (POLICY.md actors, R4.1): the drc owns catalogs; the admin manages users
 * and reference data but edits no catalog; the auditor only reads (catalogs, industries, the audit trail).
 */
const EXPECTED: Record<Role, Record<Permission, boolean>> = {
  leader: {
    'catalog.read': true,
    'catalog.edit': false,
    'industries.read': true,
    'industries.import': false,
    'users.manage': false,
    'audit.read': false,
    'accounts.review': false,
    'projects.read': true,
    'projects.report': false,
    'projects.move': false,
    'projects.circulate': false,
    'projects.configure': false,
    'enterprises.read': true,
    'enterprises.import': false,
    'evaluations.read': true,
    'evaluations.manage': false,
    'trips.read': true,
    'trips.report': false,
    'trips.configure': false,
    'calendar.read': true,
    'calendar.edit': false,
  },
  drc: {
    'catalog.read': true,
    'catalog.edit': true,
    'industries.read': true,
    'industries.import': false,
    'users.manage': false,
    'audit.read': false,
    'accounts.review': false,
    'projects.read': true,
    'projects.report': false,
    'projects.move': false,
    'projects.circulate': false,
    'projects.configure': false,
    'enterprises.read': true,
    'enterprises.import': false,
    'evaluations.read': true,
    'evaluations.manage': false,
    'trips.read': true,
    'trips.report': false,
    'trips.configure': false,
    'calendar.read': true,
    'calendar.edit': false,
  },
  bureau: {
    'catalog.read': true,
    'catalog.edit': false,
    'industries.read': true,
    'industries.import': false,
    'users.manage': false,
    'audit.read': false,
    'accounts.review': false,
    'projects.read': true,
    'projects.report': false,
    'projects.move': true,
    'projects.circulate': true,
    'projects.configure': true,
    'enterprises.read': true,
    'enterprises.import': false,
    'evaluations.read': true,
    'evaluations.manage': false,
    'trips.read': true,
    'trips.report': false,
    'trips.configure': true,
    'calendar.read': true,
    'calendar.edit': true,
  },
  eitc: {
    'catalog.read': true,
    'catalog.edit': false,
    'industries.read': true,
    'industries.import': false,
    'users.manage': false,
    'audit.read': false,
    'accounts.review': false,
    'projects.read': true,
    'projects.report': false,
    'projects.move': false,
    'projects.circulate': false,
    'projects.configure': false,
    'enterprises.read': true,
    'enterprises.import': true,
    'evaluations.read': true,
    'evaluations.manage': true,
    'trips.read': true,
    'trips.report': false,
    'trips.configure': false,
    'calendar.read': true,
    'calendar.edit': false,
  },
  platform: {
    'catalog.read': true,
    'catalog.edit': false,
    'industries.read': true,
    'industries.import': false,
    'users.manage': false,
    'audit.read': false,
    'accounts.review': false,
    'projects.read': true,
    'projects.report': true,
    'projects.move': true,
    'projects.circulate': false,
    'projects.configure': false,
    'enterprises.read': true,
    'enterprises.import': true,
    'evaluations.read': true,
    'evaluations.manage': false,
    'trips.read': true,
    'trips.report': true,
    'trips.configure': false,
    'calendar.read': true,
    'calendar.edit': false,
  },
  admin: {
    'catalog.read': true,
    'catalog.edit': false,
    'industries.read': true,
    'industries.import': true,
    'users.manage': true,
    'audit.read': false,
    'accounts.review': false,
    'projects.read': false,
    'projects.report': false,
    'projects.move': false,
    'projects.circulate': false,
    'projects.configure': false,
    'enterprises.read': false,
    'enterprises.import': false,
    'evaluations.read': false,
    'evaluations.manage': false,
    'trips.read': false,
    'trips.report': false,
    'trips.configure': false,
    'calendar.read': true,
    'calendar.edit': true,
  },
  auditor: {
    'catalog.read': true,
    'catalog.edit': false,
    'industries.read': true,
    'industries.import': false,
    'users.manage': false,
    'audit.read': true,
    'accounts.review': true,
    'projects.read': false,
    'projects.report': false,
    'projects.move': false,
    'projects.circulate': false,
    'projects.configure': false,
    'enterprises.read': false,
    'enterprises.import': false,
    'evaluations.read': false,
    'evaluations.manage': false,
    'trips.read': false,
    'trips.report': false,
    'trips.configure': false,
    'calendar.read': true,
    'calendar.edit': false,
  },
};

describe('roles (POLICY.md actors, R4.1)', () => {
  it('the table covers every role and every permission', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(
    ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, EXPECTED[role][permission]] as const)),
  )('R4.1: %s may %s → %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('R4.1: only the drc edits catalogs; only the auditor reads the audit trail; only the admin manages users', () => {
    expect(ROLES.filter((role) => can(role, 'catalog.edit'))).toEqual(['drc']);
    expect(ROLES.filter((role) => can(role, 'audit.read'))).toEqual(['auditor']);
    expect(ROLES.filter((role) => can(role, 'users.manage'))).toEqual(['admin']);
  });

  it.each(ROLES.map((role) => [role, role === 'platform'] as const))(
    'R4.1: %s needs a platform → %s',
    (role, needs) => {
      expect(roleNeedsPlatform(role)).toBe(needs);
    },
  );

  it.each([
    ['leader', '市产业平台发展工作领导小组'],
    ['drc', '市发改委'],
    ['bureau', '市招商局'],
    ['eitc', '市经信委'],
    ['platform', '平台管委会'],
    ['admin', '系统管理员'],
    ['auditor', '安全审计员'],
  ] as const)('%s is labelled %s', (role, label) => {
    expect(ROLE_LABELS[role]).toBe(label);
  });
});
