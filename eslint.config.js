import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layers are enforced here, not by hope (docs/ARCHITECTURE): shared/ is pure, the core and
// the command line never load Electron or React, the renderer never loads Node.
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict([nodeModules, ['electron', 'react', 'react-dom', 'react/*', 'react-dom/*']], 'shared/ runs everywhere: no Node, Electron or React.'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/browser-host/**/*.ts'],
    rules: restrict([['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', '**/renderer/**']], 'The core and its non-Electron hosts must run in plain Node.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([nodeModules, ['electron', '**/electron/**']], 'The renderer talks to the core only through window.stancebook.'),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([nodeModules, ['**/core/**', '**/renderer/**']], 'The preload exposes the contract only.'),
  },
);
