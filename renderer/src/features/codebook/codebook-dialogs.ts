import type { Issue } from '../../../../shared/model';
import type { EntryRef } from './codebook-entries';
import type { EntryEditTarget } from './EntryEditorDialog';

/** The one dialog the codebook view may have open over it. */
export type CodebookDialog =
  | { type: 'edit'; target: EntryEditTarget }
  | { type: 'issue'; issue: Issue | null; parentId?: string | null }
  | { type: 'merge'; entry: EntryRef }
  | { type: 'delete'; entry: EntryRef };

export type OpenCodebookDialog = (dialog: CodebookDialog) => void;
