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
 * Fetches and parses the views' code once the app has painted and the page is idle, so the
 * first click on a view does not wait for its chunk either.
 */
export function preloadViews(): () => void {
  const load = () => {
    void import('../features/networks/NetworksView');
    void import('../features/codebook/CodebookView');
    void import('../features/briefs/BriefsView');
    void import('../features/agreement/AgreementView');
    void import('../features/sync/SyncView');
    void import('../features/trash/TrashView');
  };
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(load, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(load, 1000);
  return () => window.clearTimeout(timer);
}
