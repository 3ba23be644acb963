import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useStatus } from '../../components/status-context';
import { keys } from '../../app/queries';
import type { CsvRowResult } from '../../../../shared/api/contract-library';
import { extensionOf, filesFromDrop, type IncomingFile } from './collect-files';
import { CsvMappingDialog } from './CsvMappingDialog';
import { ImportDialog } from './ImportDialog';
import { summarise } from './ImportResults';
import { useImportQueue, type ImportItem } from './use-import-queue';
import '../../styles/import.css';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Importing many files: files and folders dropped anywhere on the window, or handed over by a
 * picker through `add`. Returns `add` and the element to render (the drop hint and the dialog).
 */
export function useFileImport({ onOpen }: { onOpen(articleId: string): void }) {
  const status = useStatus();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  // CSV files wait here for their column mapping, one dialog at a time.
  const [csvFiles, setCsvFiles] = useState<IncomingFile[]>([]);

  const onFinished = useCallback(
    (items: ImportItem[]) => {
      void queryClient.invalidateQueries({ queryKey: keys.articles });
      status.announce(`Import finished: ${summarise(items)}`);
    },
    [queryClient, status],
  );
  const queue = useImportQueue(onFinished);
  const { add: enqueue, cancel } = queue;

  const add = useCallback(
    (files: IncomingFile[]) => {
      if (files.length === 0) {
        status.reportError('There were no files in what was dropped.');
        return;
      }
      setOpen(true);
      const csv = files.filter((f) => extensionOf(f.file.name) === '.csv');
      enqueue(files.filter((f) => !csv.includes(f)));
      if (csv.length > 0) setCsvFiles((pending) => [...pending, ...csv]);
      status.announce(`Importing ${files.length === 1 ? '1 file' : `${files.length} files`}.`);
    },
    [enqueue, status],
  );

  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer || !hasFiles(e)) return;
      e.preventDefault();
      filesFromDrop(e.dataTransfer).then(add, (error: unknown) => status.reportError(error, 'The dropped files could not be read'));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [add, status]);

  const csv = csvFiles[0];
  const nextCsv = () => setCsvFiles((pending) => pending.slice(1));
  const onCsvImported = (rows: CsvRowResult[]) => {
    if (!csv) return;
    queue.addFinished(
      rows.map((r) => ({
        path: `${csv.path}, row ${r.row}`,
        state: r.status === 'error' ? ('failed' as const) : r.status,
        articleId: r.articleId,
        title: r.title,
        message: r.message,
      })),
    );
    const imported = rows.filter((r) => r.status === 'imported').length;
    status.announce(`${csv.file.name}: ${imported} of ${rows.length} rows imported.`);
    void queryClient.invalidateQueries({ queryKey: keys.articles });
    nextCsv();
  };

  const element = (
    <>
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          <p>Drop files or folders to import them</p>
        </div>
      )}
      {csv ? (
        <CsvMappingDialog key={csv.path} file={csv.file} onClose={nextCsv} onImported={onCsvImported} />
      ) : (
        open && (
          <ImportDialog
            items={queue.items}
            running={queue.running}
            onCancel={cancel}
            onClose={() => {
              cancel();
              setOpen(false);
            }}
            onOpen={(id) => {
              setOpen(false);
              onOpen(id);
            }}
            onSkip={queue.skip}
            onRevision={(item) => void queue.importAsRevision(item)}
          />
        )
      )}
    </>
  );

  return { add, element };
}
