import { useState } from 'react';
import type { Article } from '../../../../shared/model';
import { api } from '../../api/client';
import { errorText, useStatus } from '../../components/status-context';
import { reviewStore } from '../orphans/review-store';
import './import-details.css';

/** How many of a thing, in words: "1 note", "3 notes". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the importer normalised in the text, in words; null when nothing an analyst would miss. */
export function normalisationSummary(record: Article['normalisation']): string | null {
  if (!record) return null;
  const parts = [
    record.removedZeroWidth ? count(record.removedZeroWidth, 'zero-width character removed', 'zero-width characters removed') : null,
    record.removedSoftHyphens ? count(record.removedSoftHyphens, 'soft hyphen removed', 'soft hyphens removed') : null,
    record.replacedSpaces
      ? count(record.replacedSpaces, 'no-break or other space written as a plain space', 'no-break or other spaces written as plain spaces')
      : null,
    record.collapsedBlankLines
      ? count(record.collapsedBlankLines, 'blank line between paragraphs not kept as text', 'blank lines between paragraphs not kept as text')
      : null,
    record.droppedEmptyBlocks ? count(record.droppedEmptyBlocks, 'empty block dropped', 'empty blocks dropped') : null,
  ].filter(Boolean);
  return parts.length ? `Text normalised: ${parts.join(', ')}. Whitespace that only laid the source out was collapsed.` : null;
}

/**
 * The article's import details, folded under its header: what the importer noted (what it left
 * out: page headers and footers, comments kept as notes, OCR needs, uncertain reading order),
 * the source's own fields (CSV columns no field took), and the page furniture it removed, each
 * block with a button that puts it back as a new revision. Hidden when there is nothing to say.
 */
export function ArticleImportDetails({ article }: { article: Article }) {
  const status = useStatus();
  const [busy, setBusy] = useState<number | null>(null);
  const normalised = normalisationSummary(article.normalisation);
  const notes = [...(article.importNotes ?? []), ...(normalised ? [normalised] : [])];
  const fields = Object.entries(article.sourceFields ?? {});
  const removed = article.removedBlocks ?? [];
  if (notes.length + fields.length + removed.length === 0) return null;

  const summary = [
    notes.length ? count(notes.length, 'note', 'notes') : null,
    removed.length ? count(removed.length, 'removed block', 'removed blocks') : null,
    fields.length ? count(fields.length, 'source field', 'source fields') : null,
  ].filter(Boolean);

  const restore = async (index: number) => {
    if (busy !== null) return;
    setBusy(index);
    try {
      const result = await api.restoreRemovedBlock({ articleId: article.id, index });
      const { orphaned, needsReview } = result.counts;
      status.announce(
        `Block restored as revision ${result.rev}.${orphaned + needsReview > 0 ? ` ${orphaned + needsReview} claims need review above the article.` : ''} Undo takes it out again.`,
      );
      if (orphaned + needsReview > 0) reviewStore.open(article.id);
    } catch (error) {
      status.announce(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="import-details" data-testid="import-details">
      <summary>Import details: {summary.join(', ')}</summary>
      {notes.length > 0 && (
        <section aria-labelledby="import-notes-heading">
          <h2 id="import-notes-heading" className="import-details__heading">
            Notes from the import
          </h2>
          <ul className="import-details__notes">
            {notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      {fields.length > 0 && (
        <section aria-labelledby="source-fields-heading">
          <h2 id="source-fields-heading" className="import-details__heading">
            Source fields
          </h2>
          <dl className="import-details__fields">
            {fields.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value || <span className="import-details__empty">(empty)</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {removed.length > 0 && (
        <section aria-labelledby="removed-blocks-heading">
          <h2 id="removed-blocks-heading" className="import-details__heading">
            Removed as page furniture
          </h2>
          <ul className="import-details__removed">
            {removed.map((block, i) => (
              <li key={`${i}-${block.at}`}>
                <span className="import-details__reason">{block.reason}</span>
                <q className="import-details__text">{block.text}</q>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  aria-label={`Restore “${block.text.slice(0, 60)}” (${block.reason})`}
                  onClick={() => void restore(i)}
                >
                  {busy === i ? 'Restoring…' : 'Restore'}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
