import { useCallback, useRef, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../components/status-context';
import { readFileAsBase64 } from '../../components/files';
import { IMPORTABLE, extensionOf, type IncomingFile } from './collect-files';

export type ImportState = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'skipped' | 'revised' | 'failed' | 'cancelled';

export interface ImportItem {
  key: number;
  /** Absent for a CSV row: there is no file of its own to import again. */
  file?: File;
  path: string;
  state: ImportState;
  articleId?: string;
  title?: string;
  message?: string;
}

const FINISHED: ImportState[] = ['imported', 'duplicate', 'skipped', 'revised', 'failed', 'cancelled'];
export const isFinished = (item: ImportItem) => FINISHED.includes(item.state);

/**
 * Sends files to the core one at a time, so one slow or bad file never holds up or stops the
 * rest. Files added while a run is going join the end of the queue; cancel stops after the
 * file being imported.
 */
export function useImportQueue(onFinished: (items: ImportItem[]) => void) {
  const [items, setItems] = useState<ImportItem[]>([]);
  const [running, setRunning] = useState(false);
  const itemsRef = useRef<ImportItem[]>([]);
  const runningRef = useRef(false);
  const cancelRef = useRef(false);
  const keyRef = useRef(0);

  const update = useCallback((key: number, patch: Partial<ImportItem>) => {
    itemsRef.current = itemsRef.current.map((it) => (it.key === key ? { ...it, ...patch } : it));
    setItems(itemsRef.current);
  }, []);

  const importOne = useCallback(
    async (item: ImportItem) => {
      const file = item.file;
      if (!file) return;
      const ext = extensionOf(file.name);
      if (!IMPORTABLE.includes(ext)) {
        const reason = `Stancebook cannot read ${ext ? `${ext} files` : 'files without an extension'}; it imports .txt, .md, .html, .docx, .odt, .pdf and .csv.`;
        update(item.key, { state: 'failed', message: reason });
        return;
      }
      update(item.key, { state: 'importing' });
      try {
        const result = await api.importFile({ name: file.name, dataBase64: await readFileAsBase64(file) });
        update(item.key, { state: result.status, articleId: result.articleId, title: result.title });
      } catch (error) {
        update(item.key, { state: 'failed', message: errorText(error) });
        // A full disk refuses every later file too: the rest of the batch is cancelled.
        if ((error as { code?: unknown }).code === 'disk-full') cancelRef.current = true;
      }
    },
    [update],
  );

  const run = useCallback(async () => {
    if (runningRef.current) return;
    runningRef.current = true;
    cancelRef.current = false;
    setRunning(true);
    for (;;) {
      const next = itemsRef.current.find((it) => it.state === 'waiting');
      if (!next || cancelRef.current) break;
      await importOne(next);
    }
    if (cancelRef.current) {
      itemsRef.current = itemsRef.current.map((it) => (it.state === 'waiting' ? { ...it, state: 'cancelled' as const } : it));
      setItems(itemsRef.current);
    }
    runningRef.current = false;
    setRunning(false);
    onFinished(itemsRef.current);
  }, [importOne, onFinished]);

  const add = useCallback(
    (files: IncomingFile[]) => {
      const fresh = files.map(({ file, path }) => ({ key: ++keyRef.current, file, path, state: 'waiting' as const }));
      // A new batch after a finished run starts a fresh list.
      const keep = runningRef.current ? itemsRef.current : [];
      itemsRef.current = [...keep, ...fresh];
      setItems(itemsRef.current);
      if (fresh.length > 0) void run();
    },
    [run],
  );

  /** Results that came back whole (the rows of a CSV), added to the list as they are. */
  const addFinished = useCallback((finished: Omit<ImportItem, 'key'>[]) => {
    itemsRef.current = [...itemsRef.current, ...finished.map((f) => ({ ...f, key: ++keyRef.current }))];
    setItems(itemsRef.current);
  }, []);

  const cancel = useCallback(() => {
    cancelRef.current = true;
  }, []);

  const importAsRevision = useCallback(
    async (item: ImportItem) => {
      if (!item.articleId || !item.file) return;
      update(item.key, { state: 'importing' });
      try {
        const result = await api.importFileAsRevision({
          articleId: item.articleId,
          name: item.file.name,
          dataBase64: await readFileAsBase64(item.file),
        });
        update(item.key, {
          state: 'revised',
          message: result.changed ? `Saved as revision ${result.rev}.` : 'The file holds the article’s current text, so nothing changed.',
        });
      } catch (error) {
        update(item.key, { state: 'duplicate', message: errorText(error) });
      }
    },
    [update],
  );

  const skip = useCallback((item: ImportItem) => update(item.key, { state: 'skipped' }), [update]);

  return { items, running, add, addFinished, cancel, importAsRevision, skip };
}
