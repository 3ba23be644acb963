import js from '@eslint/js';
import { builtinModules } from 'node:module';
import path from 'node:path';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layers are enforced here, not by hope (docs/ARCHITECTURE): shared/ is pure, the core and
// the command line never load Electron or React, the renderer never loads Node.
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Which layers may import each npm package (Signal-Desktop's pattern). A package the sources
// import must be listed here with the layers that need it; anything else is a lint error, so a
// new dependency is placed in a layer on purpose. Tests, benchmarks and scripts are not checked.
const PACKAGE_LAYERS = {
  zod: ['shared', 'core', 'hosts'],
  'approx-string-match': ['shared'],
  'diff-match-patch-es': ['shared'],
  '@mozilla/readability': ['core'],
  '@exodus/bytes': ['core'],
  fflate: ['core'],
  'html-encoding-sniffer': ['core'],
  'markdown-it': ['core'],
  docx: ['core'],
  graphology: ['core'],
  'graphology-communities-louvain': ['core'],
  dompurify: ['core'],
  jsdom: ['core'],
  jszip: ['core'],
  lowdb: ['core'],
  mammoth: ['core'],
  'better-sqlite3': ['core'],
  papaparse: ['core'],
  'pdfjs-dist': ['core'],
  'playwright-core': ['core'],
  'wink-nlp': ['core'],
  'wink-eng-lite-web-model': ['core'],
  'isomorphic-git': ['core'],
  electron: ['main', 'preload'],
  react: ['renderer'],
  'react-dom': ['renderer'],
  'react-aria-components': ['renderer'],
  'react-resizable-panels': ['renderer'],
  '@tanstack/react-query': ['renderer'],
  '@tanstack/react-virtual': ['renderer'],
  '@tiptap/core': ['renderer'],
  '@tiptap/pm': ['renderer'],
  '@tiptap/react': ['renderer'],
  '@tiptap/starter-kit': ['renderer'],
  cytoscape: ['renderer'],
};
const LAYER_OF = [
  ['shared/', 'shared'],
  ['electron/core/', 'core'],
  ['electron/cli/', 'hosts'],
  ['electron/browser-host/', 'hosts'],
  ['electron/main/', 'main'],
  ['electron/preload/', 'preload'],
  ['renderer/', 'renderer'],
];
const packageName = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
const packageLayers = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = path
      .relative(import.meta.dirname, context.filename)
      .split(path.sep)
      .join('/');
    const layer = LAYER_OF.find(([prefix]) => file.startsWith(prefix))?.[1];
    if (!layer) return {};
    const check = (node) => {
      const specifier = node?.value;
      if (typeof specifier !== 'string' || specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return;
      const name = packageName(specifier);
      const allowed = PACKAGE_LAYERS[name];
      if (!allowed)
        context.report({ node, message: `"${name}" is not in eslint.config.js's PACKAGE_LAYERS: add it with the layers that may import it.` });
      else if (!allowed.includes(layer))
        context.report({
          node,
          message: `"${name}" may be imported by ${allowed.join(', ')}, not by ${layer} (PACKAGE_LAYERS in eslint.config.js).`,
        });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
    };
  },
};
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['.tmp/**', 'dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
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
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { stancebook: { rules: { 'package-layers': packageLayers } } },
    rules: { 'stancebook/package-layers': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [nodeModules, ['electron', 'react', 'react-dom', 'react/*', 'react-dom/*']],
        'shared/ runs everywhere: no Node, Electron or React.',
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        '__dirname',
        'require',
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', '**/renderer/**'],
              message: 'The core must run in plain Node.',
            },
            {
              group: ['**/cli/**', '**/browser-host/**', '**/main/**', '**/preload/**', '**/cli', '**/browser-host', '**/main', '**/preload'],
              message: 'The core never imports a host; hosts give it what it needs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/browser-host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', '**/renderer/**'],
              message: 'The Node hosts must run in plain Node.',
            },
            { group: ['**/core/*', '**/core/*/**'], message: 'Hosts use the core only through its door, electron/core/index.ts.' },
            { group: ['**/main/**', '**/main'], message: 'The Node hosts never import the Electron host.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/commands/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='core'][property.name=/^(store|context|handlers)$/]",
          message: 'Commands go through the contract: call(core, method, request) validates the request as every host does.',
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '**/renderer/**'],
              message: 'The Electron host loads the renderer; it never imports it.',
            },
            { group: ['**/core/*', '**/core/*/**'], message: 'Hosts use the core only through its door, electron/core/index.ts.' },
            {
              group: ['**/browser-host/**', '**/browser-host', '**/cli/**', '**/cli'],
              message: 'The Electron host never imports another host; share through shared/ or the core.',
            },
          ],
        },
      ],
    },
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
