import type { EntryRef } from './codebook-entries';

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
        Edit<span className="visually-hidden"> {entry.kind} {entry.name}</span>
      </button>
      {canMerge && (
        <button type="button" className="button button--small" onClick={onMerge} data-action="merge">
          Merge…<span className="visually-hidden"> {entry.kind} {entry.name}</span>
        </button>
      )}
      <button type="button" className="button button--small button--quiet button--danger" onClick={onDelete} data-action="delete">
        Delete…<span className="visually-hidden"> {entry.kind} {entry.name}</span>
      </button>
    </>
  );
}

/** A colour sample beside an entry's name; colourless entries show an outlined dot. */
export function Swatch({ colour }: { colour: string | null }) {
  return <span className={`codebook-swatch${colour ? '' : ' codebook-swatch--none'}`} style={colour ? { background: colour } : undefined} aria-hidden="true" />;
}
