// ESLint (flat config): typescript-eslint's strictTypeChecked with type information for every package, the rules the
// issue names turned to errors, and the React hooks rules for the web. `npm test` and `npm run lint` lint the whole
// tree with no warning allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tsbuild/**',
      'data/**',
      'e2e/screenshots/**',
      'bench/results/**',
      'packages/server/drizzle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // One TypeScript program per package (tsconfig.json with project references), as `tsc -b` builds them.
        projectService: {
          allowDefaultProject: ['vitest.config.ts', 'packages/web/vite.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error (immich's lint): await it, return it, or mark it `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      // A `switch` over a union names every member, so a new stage or role cannot fall through unnoticed.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // Numbers and booleans in template strings are what Chinese messages are made of.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // tsconfig has noUncheckedIndexedAccess, so every `xs[i]` and regex group is `T | undefined`, even inside
      // `for (i < xs.length)` or after `.returning()` of one inserted row; `!` there states what the loop or the query
      // proves (and throws at the first use if it is ever wrong). The rule cannot tell those from a lazy `!`, and the
      // alternatives (`?? 0`, a fallback row) would hide the very bug the `!` would surface. Casts stay checked
      // (no-unnecessary-type-assertion, no-unsafe-*).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `async` marks what returns a promise: Fastify's plugins and the tests' request factories are async by their
      // API even when they await nothing. A promise someone forgets to await is caught by no-floating-promises.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore names what is left out on purpose: `{ passwordHash: _hash, ...rest }`, an it.each
      // column that only the title prints.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read untyped JSON (`response.json()` is `any` in light-my-request) and then assert its shape: a value of
    // the wrong shape fails the assertion, which is the check the no-unsafe-* rules would otherwise demand a cast for.
    files: ['**/*.test.{ts,tsx}', '**/*.test-support.ts', '**/*.e2e.ts', 'packages/server/src/test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      // `let t: TestApp` is filled by beforeAll; the cleanup's `t?.close()` covers a beforeAll that failed, which the
      // declared type cannot say.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // @node-rs/argon2 declares its Algorithm as an ambient const enum, which isolatedModules cannot read: the value
    // is written as the number, typed as the enum member (passwords.service.ts).
    files: ['packages/server/src/auth/passwords.service.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-assignment': 'off' },
  },
  {
    // The cell cleaner's whole job is to find control characters (U+0000–U+001F) pasted into spreadsheets.
    files: ['packages/domain/src/sheets/sheet-cells.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The web talks to the server through its HTTP client only (packages/web/src/api/client.ts).
      'no-restricted-globals': ['error', { name: 'fetch', message: '请求一律经由 packages/web/src/api/client.ts。' }],
    },
  },
  { files: ['packages/web/src/api/client.ts'], rules: { 'no-restricted-globals': 'off' } },
  {
    // Plain JavaScript (scripts, this file): no type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
