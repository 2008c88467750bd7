// ESLint (flat config): typescript-eslint's strictTypeChecked with type information for every package, the rules the
// issue names turned to errors, and the React hooks rules for the web. `npm run lint`; part of `npm test` once
// PGS_STRICT_CHECKS=1 (scripts/test.mjs).
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
    },
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
