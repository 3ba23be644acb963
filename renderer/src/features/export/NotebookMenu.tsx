import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AnnotationImportReport, AnnotationFormat, CodebookFormat } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { readFileAsBase64 } from '../../components/files';
import { useStatus } from '../../components/status-context';
import { ANNOTATION_FORMATS } from './ArticleExportMenu';
import { OrphansOverviewDialog } from '../orphans/OrphansOverviewDialog';
import { AnnotationImportDialog } from './AnnotationImportDialog';
import { ExportMenu, type MenuGroup } from './ExportMenu';
import { useExporter } from './use-exporter';

const GROUPS: MenuGroup[] = [
  {
    title: 'All claims in the notebook',
    entries: (['w3c', 'csv', 'qdpx'] as const).map((f) => ({ id: `claims:${f}`, label: `All claims as ${ANNOTATION_FORMATS[f].name}`, hint: ANNOTATION_FORMATS[f].hint })),
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
    ],
  },
  {
    title: 'Review',
    entries: [{ id: 'orphans', label: 'Claims to re-anchor…', hint: 'after text edits' }],
  },
];

const LABELS = new Map(GROUPS.flatMap((g) => g.entries.map((e) => [e.id, e.label])));

/**
 * The app bar's Notebook menu: what concerns the whole notebook rather than one article:
 * every claim for other tools, the codebook, importing annotations made elsewhere, one archive
 * of everything (restored with `stancebook restore`), and the claims that text edits left
 * without a place, across all articles.
 */
export function NotebookMenu({ onOpenArticle }: { onOpenArticle(articleId: string): void }) {
  const exporter = useExporter();
  const status = useStatus();
  const client = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
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

  const job = exporter.job ?? importing;
  return (
    <>
      <ExportMenu label="Notebook" description="Notebook: export, import annotations, archive, review" groups={GROUPS} job={job} onAction={onAction} testId="notebook-menu" buttonClassName="button button--quiet button--small" />
      <input
        ref={picker}
        type="file"
        accept=".jsonld,.json,application/ld+json,application/json"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="annotation-file"
        onChange={(e) => void importFile(e.currentTarget.files?.[0])}
      />
      {reviewing && <OrphansOverviewDialog onOpenArticle={onOpenArticle} onClose={() => setReviewing(false)} />}
      {report && <AnnotationImportDialog name={report.name} report={report.report} onClose={() => setReport(null)} />}
    </>
  );
}
