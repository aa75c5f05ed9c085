// Lint enforces what the style guide asks a tool to check: modules meet only through
// their index.ts (and a store's testing.ts in tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const modules = ['kernel', 'contracts', 'store', 'jobs', 'realtime', 'accounts', 'channels', 'inbox', 'care', 'commerce', 'insight', 'publishing', 'contests', 'privacy', 'reports', 'http', 'net'];

// `../<module>/<anything but index.ts or testing.ts>` reaches into another module's internals.
const internals = ['../', '../../', '../../../'].flatMap((up) =>
  modules.flatMap((name) => [`${up}${name}/**`, `!${up}${name}/index.ts`, `!${up}${name}/testing.ts`]));

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
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: internals, message: 'Import another module through its index.ts.' }],
      }],
    },
  },
);
