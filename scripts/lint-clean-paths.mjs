// The lint ratchet: the paths `npm test` lints on every run (scripts/test.mjs), which must stay at zero findings.
// A module joins the list once `npx eslint <its folders>` reports nothing; the rest of the tree is linted only with
// PGS_STRICT_CHECKS=1 (`npm run check`), until it is clean and listed here. Never remove a path to make a run pass.
const DOMAIN = 'packages/domain/src';
const SERVER = 'packages/server/src';
const WEB = 'packages/web/src';

export const LINT_CLEAN_PATHS = [
  // Domain: the whole package.
  DOMAIN,
  // Server: the platform, every module, the test helpers, the demo data, the fuzz harness and the scripts.
  ...[
    'app.ts',
    'main.ts',
    'schema.ts',
    'startup.ts',
    'platform',
    'auth',
    'audit',
    'users',
    'catalog',
    'calendar',
    'projects',
    'enterprises',
    'mu-evaluation',
    'reference',
    'trips',
    'key-tasks',
    'notices',
    'land',
    'renewal',
    'targets',
    'assessment',
    'cockpit',
    'demo',
    'test',
    'fuzz',
    'scripts',
  ].map((folder) => `${SERVER}/${folder}`),
  // The benches and the repository's own scripts.
  'bench',
  'scripts',
  // Web: the shell (app: layout, menu, routes; api client; shared components) and the same modules' pages.
  `${WEB}/main.tsx`,
  ...[
    'app',
    'api',
    'shared',
    'i18n',
    'auth',
    'audit',
    'users',
    'catalog',
    'industries',
    'projects',
    'enterprises',
    'mu-evaluation',
    // Stop 11: the later modules' pages.
    'home',
    'cockpit',
    'trips',
    'notices',
    'renewal',
    'key-tasks',
    'land',
    'targets',
    'assessment',
  ].map((folder) => `${WEB}/${folder}`),
  // The browser tests (their no-unsafe-* rules are off in eslint.config.js, like every test's).
  'e2e',
];
