// Module boundaries (issue #11), checked by dependency-cruiser: `npm run boundaries`; part of every `npm test`
// (scripts/test.mjs). A "module" is a folder under packages/server/src other than platform/
// (shared infrastructure every module may use), test/ (test helpers), fuzz/ (the fuzz harness, which drives the whole
// app as every demo user, like the tests) and scripts/; app.ts, main.ts, schema.ts and startup.ts wire them.
const SERVER = '^packages/server/src/';
const NOT_MODULES = 'platform|test|fuzz|scripts';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-imports-other-module-internals',
      comment:
        'A server module uses another module through its *.service.ts only, never its tables, repositories or routes ' +
        "(STYLE.md: modules call each other's services).",
      severity: 'error',
      from: { path: `${SERVER}(?!(?:${NOT_MODULES})/)([^/]+)/`, pathNot: '\\.table\\.ts$' },
      to: {
        path: `${SERVER}(?!(?:${NOT_MODULES})/)[^/]+/`,
        pathNot: [`${SERVER}$1/`, '\\.service\\.ts$'],
      },
    },
    {
      name: 'table-imports-other-module-internals',
      comment: "A table may name another module's table for a foreign key (a fact of the schema); nothing else of it.",
      severity: 'error',
      from: { path: `${SERVER}(?!(?:${NOT_MODULES})/)([^/]+)/.+\\.table\\.ts$` },
      to: { path: `${SERVER}(?!(?:${NOT_MODULES})/)[^/]+/`, pathNot: [`${SERVER}$1/`, '\\.(service|table)\\.ts$'] },
    },
    {
      name: 'platform-imports-a-module',
      comment: 'platform/ is the infrastructure under every module: it imports no module (move wiring next to app.ts).',
      severity: 'error',
      from: { path: `${SERVER}platform/` },
      to: { path: `${SERVER}(?!(?:${NOT_MODULES})/)[^/]+/` },
    },
    {
      name: 'domain-imports-io',
      comment: 'packages/domain holds pure rules and the contract: no Node built-ins, no database, no HTTP server.',
      severity: 'error',
      // Tests may read their fixture files; the rules themselves may not.
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypesNot: ['local', 'type-only', 'core'],
        pathNot: ['node_modules/(zod|decimal\\.js|@turf|vitest|@vitest)/'],
      },
    },
    {
      name: 'domain-imports-io-core',
      comment: 'packages/domain imports no Node built-in (node:fs, node:crypto …); its tests may read fixtures.',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-imports-other-packages',
      comment: 'packages/domain depends on nothing else of the repository.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(packages/(server|web)|e2e|bench)/' },
    },
    {
      name: 'web-imports-beyond-domain',
      comment: 'The web imports the domain (rules, contract) and its own files only: never the server, e2e or bench.',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^(packages/server|e2e|bench)/' },
    },
    {
      name: 'web-imports-node',
      comment: 'The web runs in the browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        "An import that does not resolve is a typo or a missing dependency. The side menu's icon drawings " +
        '(pgs-menu-icon:Name) are modules made by the web build (vite.config.ts), not files.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^pgs-menu-icon:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.tsbuild|node_modules)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
