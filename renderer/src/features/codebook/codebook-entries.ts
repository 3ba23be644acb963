import type { Codebook } from '../../../../shared/model';
import type { CodebookChange } from '../../../../shared/api/contract-annotate';
import { api } from '../../api/client';

/** The four kinds of codebook entry, in the analyst's words. */
export type EntryKind = 'actor' | 'issue' | 'stance' | 'tag';

/** Any codebook entry, reduced to what lists, merges and deletes need. */
export interface EntryRef {
  kind: EntryKind;
  id: string;
  name: string;
}

/** Every entry of one kind, in the order the codebook view shows them. */
export function entriesOf(codebook: Codebook, kind: EntryKind): EntryRef[] {
  switch (kind) {
    case 'actor':
      return codebook.actors.map((a) => ({ kind, id: a.id, name: a.name }));
    case 'issue':
      return codebook.issues.map((i) => ({ kind, id: i.id, name: i.name }));
    case 'stance':
      return [...codebook.stances].sort((a, b) => a.value - b.value).map((s) => ({ kind, id: s.id, name: s.label }));
    case 'tag':
      return codebook.tags.map((t) => ({ kind, id: t.id, name: t.name }));
  }
}

export function mergeEntry(kind: EntryKind, fromId: string, intoId: string): Promise<CodebookChange> {
  const request = { fromId, intoId };
  switch (kind) {
    case 'actor':
      return api.mergeActors(request);
    case 'issue':
      return api.mergeIssues(request);
    case 'stance':
      return api.mergeStances(request);
    case 'tag':
      return api.mergeTags(request);
  }
}

/**
 * Deletes an entry. `reassignTo` undefined asks the core to refuse while claims use it; an id
 * moves them there; null clears the entry from them. `childrenTo` likewise for sub-issues.
 */
export function deleteEntry(kind: EntryKind, id: string, reassignTo: string | null | undefined, childrenTo?: string | null): Promise<CodebookChange> {
  switch (kind) {
    case 'actor':
      return api.deleteActor({ id, reassignTo });
    case 'issue':
      return api.deleteIssue({ id, reassignTo, childrenTo });
    case 'stance':
      return api.deleteStance({ id, reassignTo });
    case 'tag':
      return api.deleteTag({ id, reassignTo });
  }
}

/** "1 claim" / "3 claims". */
export function claimsText(count: number): string {
  return `${count} ${count === 1 ? 'claim' : 'claims'}`;
}
