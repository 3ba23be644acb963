import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { announcingRecoveries } from './recovery-notices';
import type { ApiHandlers, NotebookChanged, WithChange } from '../../shared/api';
import { UserError } from '../../shared/api';
import { warmUp } from './warm-up';
import { CallActivity } from './call-activity';
import { addImportedDocument, deleteArticle, listArticles, requireArticle, updateArticleMeta } from './articles/articles';
import { getClaims } from './claims/claims';
import type { CoreContext } from './context';
import { createAnnotateHandlers } from './history/handlers';
import { createClaimStep, deleteClaimStep, updateClaimStep } from './claims/claim-steps';
import { createBriefsHandlers } from './briefs/handlers';
import { createCodersHandlers } from './coders/handlers';
import { visibleClaims } from './coders/blind-coding';
import { createExchangeHandlers } from './exchange/handlers';
import type { PdfPrinter } from './documents/pdf-printer';
import { createLibraryHandlers } from './articles/handlers';
import { createNetworksHandlers } from './networks/handlers';
import { createPositionsHandlers } from './positions/handlers';
import { createRegistryHandlers } from './registry/handlers';
import { closeSearch, createSearchHandlers } from './search/handlers';
import { createTrashHandlers } from './trash/handlers';
import { closeClaimsDigest } from './claims/claim-digests';
import { closeCoalitionCache } from './networks/coalition-cache';
import { closeSuggestions, createSuggestHandlers } from './suggest/handlers';
import { createSyncHandlers } from './sync/handlers';
import { ImportError, importFileIsolated, importPastedText } from './import/host';
import type { NotebookStore } from './store/types';
import type { SqliteDriver } from './search/sqlite/sql-database';

export interface CoreOptions {
  now?: () => Date;
  newId?: (prefix: string) => string;
  /** The host's PDF printer (Electron's printToPDF, or headless Chromium), for PDF exports. */
  pdfPrinter?: PdfPrinter;
  /** The SQLite binding for the search index: the host chooses it (see search/sqlite/sql-database.ts). */
  searchDatabase?: SqliteDriver;
}

/** The notebook core as hosts see it: handlers for the contract, change events, shutdown. */
export interface NotebookCore {
  readonly store: NotebookStore;
  readonly handlers: ApiHandlers;
  readonly context: CoreContext;
  onChanged(listener: (event: NotebookChanged) => void): () => void;
  /**
   * Runs one call's work under the caller's change id: every change event the work causes
   * carries it (NotebookChanged.changeId), in every host. Hosts pass it to dispatch.
   */
  withChange: WithChange;
  /**
   * For hosts that stay open (the browser mode, the desktop app): readies the search index and
   * the claims digest in the background, so the first search and the first Positions map do not
   * do it while the analyst waits (electron/core/warm-up.ts). Resolves when done; never rejects.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** Runs an import and turns importer errors into user errors that keep their message. */
async function importing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImportError) throw new UserError('import-failed', error.message);
    throw error;
  }
}

/** Builds the core over an open store. The core owns the store from here on. */
export function createNotebookCore(store: NotebookStore, options: CoreOptions = {}): NotebookCore {
  const listeners = new Set<(event: NotebookChanged) => void>();
  // The change id of the call whose work is running (followed through its awaits).
  const changeIds = new AsyncLocalStorage<string>();
  const context: CoreContext = {
    store,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? ((prefix) => `${prefix}_${randomUUID()}`),
    emit: (event) => {
      const changeId = changeIds.getStore();
      const sent = changeId ? { ...event, changeId } : event;
      for (const listener of listeners) listener(sent);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pdfPrinter: options.pdfPrinter,
    searchDatabase: options.searchDatabase,
  };

  const handlers: ApiHandlers = {
    getNotebookInfo: async () => ({
      name: store.meta.name,
      dir: store.dir,
      schemaVersion: store.meta.schemaVersion,
      articleCount: store.listArticles().length,
      recovered: store.openReport.recovered,
    }),
    listArticles: async () => listArticles(context),
    getArticle: async ({ id }) => {
      const article = await requireArticle(context, id);
      // A blind double-coded article shows this copy's coder only their own claims until they are done.
      return { article, claims: await visibleClaims(context, article, await getClaims(context, id)) };
    },
    importText: ({ text, title }) => importing(async () => addImportedDocument(context, await importPastedText(text), title ? { title } : {})),
    importFile: ({ name, dataBase64 }) =>
      importing(async () => {
        const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
        // Read in the import worker: a hostile file cannot hold up this thread's other requests.
        return addImportedDocument(context, await importFileIsolated({ name, bytes }));
      }),
    updateArticleMeta: ({ id, patch }) => updateArticleMeta(context, id, patch),
    deleteArticle: async ({ id }) => {
      await deleteArticle(context, id);
      return { ok: true as const };
    },
    // Claim edits are undoable steps of the one undo history (electron/core/history).
    createClaim: ({ articleId, start, end, coding, newCodes }) => createClaimStep(context, articleId, start, end, coding, newCodes),
    updateClaim: ({ articleId, id, patch, newCodes }) => updateClaimStep(context, articleId, id, patch, newCodes),
    deleteClaim: ({ articleId, id }) => deleteClaimStep(context, articleId, id),
    getCodebook: async () => store.getCodebook(),
    ...createAnnotateHandlers(context),
    ...createLibraryHandlers(context),
    ...createSearchHandlers(context),
    ...createBriefsHandlers(context),
    ...createExchangeHandlers(context),
    ...createPositionsHandlers(context),
    ...createTrashHandlers(context),
    ...createSuggestHandlers(context),
    ...createNetworksHandlers(context),
    ...createRegistryHandlers(context),
    ...createCodersHandlers(context),
    ...createSyncHandlers(context),
  };

  let warming: Promise<void> | null = null;
  let closing = false;
  // The calls being answered: the warm-up waits for a quiet moment (call-activity.ts).
  const activity = new CallActivity();
  return {
    store,
    handlers: activity.track(announcingRecoveries(handlers, store, context)),
    context,
    onChanged: context.subscribe,
    withChange: (changeId, work) => (changeId ? changeIds.run(changeId, work) : work()),
    warmUp: () => (warming ??= warmUp(context, () => closing, activity)),
    // The search index and the claims digest are saved before the store (and its lock) goes.
    close: async () => {
      closing = true;
      await closeSuggestions(context);
      await closeSearch(context);
      await closeClaimsDigest(context);
      await closeCoalitionCache(context);
      await store.close();
    },
  };
}
