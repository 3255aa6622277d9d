import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-results/**', 'playwright-report/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches main only through api.ts; never node, electron or main code.
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', '**/electron/**'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // shared/ is pure: no node, DOM or electron, and nothing of the app outside shared/.
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', '**/electron/**', '**/renderer/**'] }],
    },
  },
);
