import path from 'node:path';
import type { ApiHandlers } from '../../shared/api';
import type { CoreContext } from './context';
import { shardRel } from './store/layout';
import type { NotebookStore } from './store/types';

/**
 * Why an article the library no longer holds is gone when the store found its file damaged
 * (this session): what was wrong, what was done, and where the damaged file is kept, instead of
 * "It may have been deleted". Null when no recovery names the article's file.
 */
export function damagedArticleMessage(ctx: CoreContext, id: string): string | null {
  const rel = shardRel(id);
  const note = [...ctx.store.openReport.recovered].reverse().find((n) => n.file === rel);
  if (!note) return null;
  let outcome = note.outcome;
  let kept = '';
  if (note.quarantinedAs) {
    const where = path.join(ctx.store.dir, ...note.quarantinedAs.split('/'));
    if (outcome.includes(note.quarantinedAs)) outcome = outcome.replace(note.quarantinedAs, where);
    else kept = ` The damaged file is kept in ${where}.`;
  }
  return `This article could not be read: ${note.problem}. Stancebook recovered what it could: ${outcome}.${kept}`;
}

/**
 * Wraps the handlers so that a call during which the store recovered a damaged file (shards are
 * read lazily, so this happens after open too) sends a notebook-wide change event: the app then
 * fetches the notebook info again and its recovery banner shows the new note.
 */
export function announcingRecoveries(handlers: ApiHandlers, store: NotebookStore, context: CoreContext): ApiHandlers {
  const wrapped: Record<string, (request: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (request: never) => Promise<unknown>][]) {
    wrapped[name] = async (request) => {
      const before = store.openReport.recovered.length;
      try {
        return await handler(request);
      } finally {
        if (store.openReport.recovered.length > before) context.emit({ scope: 'notebook' });
      }
    };
  }
  return wrapped as unknown as ApiHandlers;
}
