import { useRef, useState, type Ref } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AnnotationImportReport, AnnotationFormat, CodebookFormat } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { readFileAsBase64 } from '../../components/files';
import { useStatus } from '../../components/status-context';
import { ANNOTATION_FORMATS } from './ArticleExportMenu';
import { OrphansOverviewDialog } from '../orphans/OrphansOverviewDialog';
import { AnnotationImportDialog } from './AnnotationImportDialog';
import { RestoreDoneDialog, type RestoreResult } from './RestoreDoneDialog';
import { ExportMenu, type MenuGroup } from './ExportMenu';
import { useExporter } from './use-exporter';

const GROUPS: MenuGroup[] = [
  {
    title: 'All claims in the notebook',
    entries: (['w3c', 'csv', 'qdpx'] as const).map((f) => ({
      id: `claims:${f}`,
      label: `All claims as ${ANNOTATION_FORMATS[f].name}`,
      hint: ANNOTATION_FORMATS[f].hint,
    })),
  },
  {
    title: 'Codebook',
    entries: [
      { id: 'codebook:json', label: 'Codebook as Stancebook JSON', hint: '.json' },
      { id: 'codebook:qdc', label: 'Codebook as REFI-QDA', hint: '.qdc' },
    ],
  },
  {
    title: 'Exchange and safekeeping',
    entries: [
      { id: 'import-annotations', label: 'Import annotations…', hint: 'W3C .jsonld' },
      { id: 'archive', label: 'Archive the whole notebook', hint: '.zip' },
      { id: 'restore', label: 'Restore an archive…', hint: 'as a new notebook' },
    ],
  },
  {
    title: 'Review',
    entries: [{ id: 'orphans', label: 'Claims to re-anchor…', hint: 'after text edits' }],
  },
];

/** What the API takes in one call (base64 of 50 MB); larger archives restore on the command line. */
const MAX_IN_APP_ARCHIVE_BYTES = 50 * 1024 * 1024;

/** The file chooser a menu item opens; the menu item is its visible, focusable control. */
function MenuFilePicker({
  ref,
  accept,
  testId,
  onFile,
}: {
  ref: Ref<HTMLInputElement>;
  accept: string;
  testId: string;
  onFile(file: File | undefined): Promise<void>;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      hidden
      aria-hidden="true"
      tabIndex={-1}
      data-testid={testId}
      onChange={(e) => void onFile(e.currentTarget.files?.[0])}
    />
  );
}

const LABELS = new Map(GROUPS.flatMap((g) => g.entries.map((e) => [e.id, e.label])));

/**
 * The app bar's Notebook menu: what concerns the whole notebook rather than one article:
 * every claim for other tools, the codebook, importing annotations made elsewhere, one archive
 * of everything and its restore (as a new notebook beside this one), and the claims that text
 * edits left without a place, across all articles.
 */
export function NotebookMenu({ onOpenArticle }: { onOpenArticle(articleId: string): void }) {
  const exporter = useExporter();
  const status = useStatus();
  const client = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
  const archivePicker = useRef<HTMLInputElement>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [report, setReport] = useState<{ name: string; report: AnnotationImportReport } | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [importing, setImporting] = useState<{ label: string; startedAt: number } | null>(null);

  const onAction = (id: string) => {
    const label = LABELS.get(id) ?? 'Export';
    const [what, format] = id.split(':') as [string, string | undefined];
    if (what === 'claims') void exporter.run(label, () => api.exportAnnotations({ format: format as AnnotationFormat }));
    else if (what === 'codebook') void exporter.run(label, () => api.exportCodebook({ format: format as CodebookFormat }));
    else if (what === 'archive') void exporter.run(label, () => api.exportArchive({}));
    else if (what === 'import-annotations') picker.current?.click();
    else if (what === 'restore') archivePicker.current?.click();
    else if (what === 'orphans') setReviewing(true);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImporting({ label: `Importing ${file.name}`, startedAt: Date.now() });
    try {
      const answer = await api.importAnnotations({ name: file.name, dataBase64: await readFileAsBase64(file) });
      await client.invalidateQueries();
      setReport({ name: file.name, report: answer });
    } catch (error) {
      status.reportError(error, `“${file.name}” could not be imported`);
    } finally {
      setImporting(null);
      if (picker.current) picker.current.value = '';
    }
  };

  const restoreFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      if (file.size > MAX_IN_APP_ARCHIVE_BYTES) {
        throw new Error(
          `“${file.name}” is ${(file.size / 2 ** 20).toFixed(0)} MB; the app restores archives up to 50 MB. Restore it on the command line: stancebook restore FILE FOLDER.`,
        );
      }
      setImporting({ label: `Restoring ${file.name}`, startedAt: Date.now() });
      const answer = await api.restoreArchive({ name: file.name, dataBase64: await readFileAsBase64(file) });
      setRestored({ name: file.name, ...answer });
    } catch (error) {
      status.reportError(error, `“${file.name}” could not be restored`);
    } finally {
      setImporting(null);
      if (archivePicker.current) archivePicker.current.value = '';
    }
  };

  const job = exporter.job ?? importing;
  return (
    <>
      <ExportMenu
        label={
          <>
            {/* Below 1280 px the app bar keeps its room for the views: a menu icon instead of the word (app.css). */}
            <span className="bar-icon-narrow" aria-hidden="true">
              ☰
            </span>
            <span className="bar-label-narrow">Notebook</span>
          </>
        }
        description="Notebook: export, import annotations, archive, review"
        groups={GROUPS}
        job={job}
        onAction={onAction}
        testId="notebook-menu"
        buttonClassName="button button--quiet button--small"
      />
      <MenuFilePicker ref={picker} accept=".jsonld,.json,application/ld+json,application/json" testId="annotation-file" onFile={importFile} />
      <MenuFilePicker ref={archivePicker} accept=".zip,application/zip" testId="archive-file" onFile={restoreFile} />
      {restored && <RestoreDoneDialog result={restored} onClose={() => setRestored(null)} />}
      {reviewing && <OrphansOverviewDialog onOpenArticle={onOpenArticle} onClose={() => setReviewing(false)} />}
      {report && <AnnotationImportDialog name={report.name} report={report.report} onClose={() => setReport(null)} />}
    </>
  );
}
