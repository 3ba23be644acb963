import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The page's early entry (renderer/src/boot/early-requests.ts), built under a fixed name. */
const EARLY_ENTRY = 'assets/early-requests.js';

/**
 * Loads the early entry first in the built page, `async` (it runs as soon as it has loaded, while
 * the app's bundle still loads): decision 0026. Vite would join a second module script written in
 * index.html into the app's own entry, so the tag is added to the built page instead.
 */
function earlyEntry(): Plugin {
  return {
    name: 'stancebook-early-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<title>', `<script type="module" async crossorigin src="./${EARLY_ENTRY}"></script>\n    <title>`),
    },
  };
}

// The renderer is built to static files served by the browser host or loaded by Electron
// from disk, so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyEntry()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: path.resolve(import.meta.dirname, 'renderer/index.html'),
        early: path.resolve(import.meta.dirname, 'renderer/src/boot/early-requests.ts'),
      },
      output: { entryFileNames: (chunk) => (chunk.name === 'early' ? EARLY_ENTRY : 'assets/[name]-[hash].js') },
    },
  },
});
