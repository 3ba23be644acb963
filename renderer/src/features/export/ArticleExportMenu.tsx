import type { AnnotationFormat, DocumentFormat } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { ExportMenu, type MenuGroup } from './ExportMenu';
import { useExporter } from './use-exporter';

const DOCUMENT_FORMATS: Record<DocumentFormat, { name: string; hint: string }> = {
  md: { name: 'Markdown', hint: '.md' },
  html: { name: 'HTML', hint: '.html, one file' },
  pdf: { name: 'PDF', hint: '.pdf' },
  docx: { name: 'Word', hint: '.docx' },
};

const ANNOTATION_FORMATS: Record<AnnotationFormat, { name: string; hint: string }> = {
  w3c: { name: 'W3C Web Annotation', hint: '.jsonld' },
  csv: { name: 'CSV spreadsheet', hint: '.csv' },
  qdpx: { name: 'REFI-QDA project', hint: '.qdpx' },
};

const GROUPS: MenuGroup[] = [
  {
    title: 'Annotated brief',
    entries: (['md', 'html', 'pdf', 'docx'] as const).map((f) => ({
      id: `brief:${f}`,
      label: `Brief as ${DOCUMENT_FORMATS[f].name}`,
      hint: DOCUMENT_FORMATS[f].hint,
    })),
  },
  {
    title: 'Article with highlights',
    entries: (['html', 'pdf', 'docx'] as const).map((f) => ({
      id: `article:${f}`,
      label: `Article as ${DOCUMENT_FORMATS[f].name}`,
      hint: DOCUMENT_FORMATS[f].hint,
    })),
  },
  {
    title: "This article's claims",
    entries: (['w3c', 'csv', 'qdpx'] as const).map((f) => ({
      id: `claims:${f}`,
      label: `Claims as ${ANNOTATION_FORMATS[f].name}`,
      hint: ANNOTATION_FORMATS[f].hint,
    })),
  },
];

const LABELS = new Map(GROUPS.flatMap((g) => g.entries.map((e) => [e.id, e.label])));

/**
 * The reader's Export menu: this article's annotated brief (claims grouped by issue and
 * actor), the article itself with its highlights and numbered notes, or its claims for other
 * tools.
 */
export function ArticleExportMenu({ articleId }: { articleId: string }) {
  const exporter = useExporter();
  const onAction = (id: string) => {
    const [what, format] = id.split(':') as [string, string];
    const label = LABELS.get(id) ?? 'Export';
    if (what === 'claims') void exporter.run(label, () => api.exportAnnotations({ articleId, format: format as AnnotationFormat }));
    else
      void exporter.run(label, () =>
        api.exportDocument({ articleId, kind: what === 'brief' ? 'brief' : 'article', format: format as DocumentFormat }),
      );
  };
  return (
    <ExportMenu label="Export" description="Export this article" groups={GROUPS} job={exporter.job} onAction={onAction} testId="article-export" />
  );
}

export { DOCUMENT_FORMATS, ANNOTATION_FORMATS };
