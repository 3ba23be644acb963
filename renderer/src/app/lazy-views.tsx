import { lazy } from 'react';
import type { View } from './views';

/**
 * The views an analyst opens on purpose, loaded on first use: the app's first paint (the library,
 * the reader and search) does not wait to parse the network graph library, the brief editor or
 * the codebook table. Each view is a chunk of its own in the renderer build.
 */
const chunks = {
  networks: () => import('../features/networks/NetworksView'),
  codebook: () => import('../features/codebook/CodebookView'),
  briefs: () => import('../features/briefs/BriefsView'),
  agreement: () => import('../features/agreement/AgreementView'),
  sync: () => import('../features/sync/SyncView'),
  trash: () => import('../features/trash/TrashView'),
};

export const NetworksView = lazy(() => chunks.networks().then((m) => ({ default: m.NetworksView })));
export const CodebookView = lazy(() => chunks.codebook().then((m) => ({ default: m.CodebookView })));
export const BriefsView = lazy(() => chunks.briefs().then((m) => ({ default: m.BriefsView })));
export const AgreementView = lazy(() => chunks.agreement().then((m) => ({ default: m.AgreementView })));
export const SyncView = lazy(() => chunks.sync().then((m) => ({ default: m.SyncView })));
export const TrashView = lazy(() => chunks.trash().then((m) => ({ default: m.TrashView })));

/**
 * Starts fetching and parsing one view's code (the analyst points at or presses its button), so
 * it is there, or nearly, when the view is drawn. A chunk is fetched once, however often asked.
 */
export function loadViewCode(view: View): void {
  if (view in chunks) void chunks[view as keyof typeof chunks]();
}

/**
 * Fetches and parses the views' code a few seconds after the app opens, when the page is idle, so
 * the first click on a view does not wait for its chunk either. Not at once: parsing ~1 MB of
 * code just after the first paint delayed the session's first search by ~70 ms.
 */
export function preloadViews(): () => void {
  let idle: number | undefined;
  const load = () => {
    for (const chunk of Object.values(chunks)) void chunk();
  };
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(load, { timeout: 2000 });
    else load();
  }, PRELOAD_AFTER_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

const PRELOAD_AFTER_MS = 4000;
