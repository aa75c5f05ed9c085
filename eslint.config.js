// Lint enforces what the style guide asks a tool to check (docs/adr/0020): modules meet only
// through their index.ts, with no import cycle; test helpers and the sandbox stay out of
// production code; job handlers take their payload typed, never cast.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const modules = ['kernel', 'contracts', 'store', 'jobs', 'realtime', 'accounts', 'channels', 'inbox', 'care', 'commerce', 'insight', 'publishing', 'contests', 'privacy', 'reports', 'http', 'net'];

// `../<module>/<anything but index.ts or testing.ts>` reaches into another module's internals.
const internals = ['../', '../../', '../../../'].flatMap((up) =>
  modules.flatMap((name) => [`${up}${name}/**`, `!${up}${name}/index.ts`, `!${up}${name}/testing.ts`]));
const boundary = { group: internals, message: 'Import another module through its index.ts.' };

// Test helpers that live beside the code they exercise: tests (and other helpers) only.
const testHelperFiles = ['src/**/*.test.ts', 'src/**/testing.ts', 'src/**/*fixtures-for-tests*.ts', 'src/**/routing-fixtures.ts', 'src/**/rules-harness.ts', 'src/jobs/lease-child.ts'];
const testHelpers = {
  group: ['**/testing.ts', '**/testing', '**/*fixtures-for-tests*', '**/routing-fixtures*', '**/rules-harness*', '**/lease-child*', '**/fixtures/**'],
  message: 'Test helpers are for tests: production code cannot import them.',
};
// The platform simulator: only the sandbox command (cli.ts), the demo and tests may use it.
const sandboxAllowed = ['src/cli.ts', 'src/demo/**'];
const sandbox = { group: ['**/sandbox', '**/sandbox/**'], message: 'src/ never imports sandbox/ (only the sandbox command, the demo and tests do).' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/console/dist/**', 'web/widget/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Server-side requests go through the outbound guard (docs/adr/0012); tests may call Relais itself.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/testing.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Make server-side requests with guardedFetch from src/net (SSRF guard, docs/adr/0012).' }],
    },
  },
  // Module boundaries. Each file group gets the whole list (a later `no-restricted-imports` replaces an earlier one).
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [boundary] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: [...testHelperFiles, ...sandboxAllowed],
    rules: { 'no-restricted-imports': ['error', { patterns: [boundary, testHelpers, sandbox] }] },
  },
  {
    files: sandboxAllowed,
    ignores: testHelperFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [boundary, testHelpers] }] },
  },
  {
    // A job's payload is checked by its definition's schema (src/jobs/define-job.ts), never cast.
    files: ['src/**/*.ts'],
    ignores: testHelperFiles,
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "TSAsExpression[expression.type='Identifier'][expression.name='payload']", message: 'Do not cast a job payload: give the job a schema with defineJob/jobType (src/jobs/define-job.ts).' },
        { selector: "TSTypeAssertion[expression.type='Identifier'][expression.name='payload']", message: 'Do not cast a job payload: give the job a schema with defineJob/jobType (src/jobs/define-job.ts).' },
      ],
    },
  },
  {
    // No import cycle in production code: two modules importing each other (through their
    // index.ts) make a file cycle. Type-only imports are erased and do not count.
    files: ['src/**/*.ts'],
    ignores: testHelperFiles,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
