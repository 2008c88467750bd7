import { describe, expect, it } from 'vitest';
import { ROLES } from '../platform/roles.ts';
import { adminMayManage, isTemporaryPassword } from './account-duties.ts';
import { describeAccountChange } from './account-changes.ts';

describe('#10.11 separation of duties (三员分立)', () => {
  it.each(ROLES.map((role) => [role, role !== 'admin' && role !== 'auditor'] as const))(
    'the admin may manage a %s account: %s',
    (role, may) => {
      expect(adminMayManage(role)).toBe(may);
    },
  );

  it('a business account may not be turned into an admin or auditor one', () => {
    expect(adminMayManage('drc', 'auditor')).toBe(false);
    expect(adminMayManage('drc', 'bureau')).toBe(true);
  });

  it.each([
    ['admin', true],
    ['operator', true],
    ['self', false],
    ['seed', false],
  ] as const)('a password set by %s is temporary: %s', (setter, temporary) => {
    expect(isTemporaryPassword(setter)).toBe(temporary);
  });

  it('describes a change for the auditor in Chinese', () => {
    const before = { displayName: '张三', role: 'drc', platformKey: null, disabled: false } as const;
    expect(describeAccountChange('create', null, { ...before, role: 'platform', platformKey: 'zhenan' })).toBe(
      '张三，平台管委会（浙南产业集聚区）',
    );
    expect(describeAccountChange('update', before, { ...before, role: 'bureau', disabled: true })).toBe(
      '角色 市发改委 → 市招商局；停用账号',
    );
    expect(describeAccountChange('unlock', null, null)).toBe('登录锁定已解除');
  });
});
