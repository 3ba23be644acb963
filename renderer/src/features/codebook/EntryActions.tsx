import { claimsText, type EntryRef } from './codebook-entries';
import { useCodebookUsage, usageOf } from './use-codebook-usage';

interface EntryActionsProps {
  entry: EntryRef;
  onEdit(): void;
  onMerge(): void;
  onDelete(): void;
  /** Whether there is another entry of the kind to merge into. */
  canMerge: boolean;
}

/** Edit, Merge and Delete for one codebook row; each button names its entry for screen readers. */
export function EntryActions({ entry, onEdit, onMerge, onDelete, canMerge }: EntryActionsProps) {
  return (
    <>
      <button type="button" className="button button--small" onClick={onEdit} data-action="edit">
        Edit
        <span className="visually-hidden">
          {' '}
          {entry.kind} {entry.name}
        </span>
      </button>
      {canMerge && (
        <button type="button" className="button button--small" onClick={onMerge} data-action="merge">
          Merge…
          <span className="visually-hidden">
            {' '}
            {entry.kind} {entry.name}
          </span>
        </button>
      )}
      <button type="button" className="button button--small button--quiet button--danger" onClick={onDelete} data-action="delete">
        Delete…
        <span className="visually-hidden">
          {' '}
          {entry.kind} {entry.name}
        </span>
      </button>
    </>
  );
}

/** A colour sample beside an entry's name; colourless entries show an outlined dot. */
export function Swatch({ colour }: { colour: string | null }) {
  return (
    <span
      className={`codebook-swatch${colour ? '' : ' codebook-swatch--none'}`}
      style={colour ? { background: colour } : undefined}
      aria-hidden="true"
    />
  );
}

/** How many claims carry the entry, counted over the whole notebook; blank until counted. */
export function UsageCount({ entry }: { entry: EntryRef }) {
  const usage = useCodebookUsage();
  const count = usage.data ? usageOf(usage.data, entry) : null;
  return (
    <span className={`codebook-row__usage${count === 0 ? ' codebook-row__usage--none' : ''}`} data-testid="entry-usage">
      {count === null ? '' : count === 0 ? 'unused' : claimsText(count)}
    </span>
  );
}
