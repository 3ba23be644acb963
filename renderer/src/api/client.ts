import type { StancebookApi } from '../../../shared/api';
import { ensureStancebookApi } from '../host/browser-bridge';
import { bootCalls } from './boot-calls';
import { withEarlyCalls } from './early-calls';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The typed API the whole renderer talks to; nothing else reaches the core. The calls the app
 * makes as it opens leave now, as the page's code starts (early-calls.ts).
 */
export const api: StancebookApi = withEarlyCalls(ensureStancebookApi(), bootCalls(localStorageOrNull()));
