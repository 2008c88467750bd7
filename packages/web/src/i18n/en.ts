import type { Role } from '@pgs/domain';
import type { MessageKey } from './zh.ts';

/** English strings of the shell: every key of the Chinese table, so a missing one fails the type check. */
export const en: Record<MessageKey, string> = {
  'app.title': 'Platform Industry Guidance System',
  'app.shortTitle': 'PGS',
  'menu.projectsGroup': 'Investment projects',
  'menu.projectLedger': 'Project ledger',
  'menu.projectBoard': 'Stage board',
  'menu.projectReport': 'Report a project',
  'menu.projectQueue': 'Tracking confirmations',
  'menu.projectSummary': 'Yearly summary',
  'menu.projectSettings': 'Project settings',
  'menu.projectDetail': 'Project',
  'menu.catalogGroup': 'Access catalogs',
  'menu.catalogBrowse': 'Browse catalogs',
  'menu.industries': 'Industry codes',
  'menu.catalogEditor': 'Edit catalogs',
  'menu.systemGroup': 'Administration',
  'menu.users': 'Users',
  'menu.audit': 'Audit log',
  'header.changePassword': 'Change password',
  'header.logout': 'Sign out',
  'header.language': '中文',
  'header.loggedOut': 'Signed out',
  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.mismatch': 'The two new passwords differ',
  'password.required': 'Please enter the password',
  'password.changed': 'Password changed',
  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'login.title': 'Platform Industry Guidance System',
  'login.subtitle': "Wenzhou's three municipal functional platforms",
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Please enter your username',
  'login.passwordRequired': 'Please enter your password',
  'error.403': 'Forbidden',
  'error.403.detail': 'Your role may not open this page.',
  'error.404': 'Page not found',
  'error.404.detail': 'The page does not exist or was removed.',
  'error.backHome': 'Back to home',
  'error.pageLoad': 'The page failed to load. Please reload.',
  'error.reload': 'Reload',
};

/** English role names; Chinese ones come from ROLE_LABELS of @pgs/domain. */
export const EN_ROLE_LABELS: Record<Role, string> = {
  leader: 'Leadership group',
  drc: 'Development and Reform Commission',
  bureau: 'Investment Promotion Bureau',
  eitc: 'Economy and IT Commission',
  platform: 'Platform committee',
  admin: 'System administrator',
  auditor: 'Security auditor',
};

/** English platform names; Chinese ones come from PLATFORMS of @pgs/domain. */
export const EN_PLATFORM_NAMES: Record<string, string> = {
  oujiangkou: 'Oujiangkou Industrial Cluster',
  zhenan: 'Zhenan Industrial Cluster',
  hitech: 'Wenzhou Hi-tech Zone',
};
