import { lazy } from 'react';

/**
 * The views an analyst opens on purpose, loaded on first use: the app's first paint (the library,
 * the reader and search) does not wait to parse the network graph library, the brief editor or
 * the codebook table. Each view is a chunk of its own in the renderer build.
 */
export const NetworksView = lazy(() => import('../features/networks/NetworksView').then((m) => ({ default: m.NetworksView })));
export const CodebookView = lazy(() => import('../features/codebook/CodebookView').then((m) => ({ default: m.CodebookView })));
export const BriefsView = lazy(() => import('../features/briefs/BriefsView').then((m) => ({ default: m.BriefsView })));
export const AgreementView = lazy(() => import('../features/agreement/AgreementView').then((m) => ({ default: m.AgreementView })));
export const SyncView = lazy(() => import('../features/sync/SyncView').then((m) => ({ default: m.SyncView })));
export const TrashView = lazy(() => import('../features/trash/TrashView').then((m) => ({ default: m.TrashView })));

/**
 * Fetches and parses the views' code a few seconds after the app opens, when the page is idle, so
 * the first click on a view does not wait for its chunk either. Not at once: parsing ~1 MB of
 * code just after the first paint delayed the session's first search by ~70 ms.
 */
export function preloadViews(): () => void {
  let idle: number | undefined;
  const load = () => {
    void import('../features/networks/NetworksView');
    void import('../features/codebook/CodebookView');
    void import('../features/briefs/BriefsView');
    void import('../features/agreement/AgreementView');
    void import('../features/sync/SyncView');
    void import('../features/trash/TrashView');
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
