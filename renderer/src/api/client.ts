import type { StancebookApi } from '../../../shared/api';
import { ensureStancebookApi } from '../host/browser-bridge';

/** The typed API the whole renderer talks to; nothing else reaches the core. */
export const api: StancebookApi = ensureStancebookApi();
