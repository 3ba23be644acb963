import { useQuery } from '@tanstack/react-query';
import type { CodebookUsage } from '../../../../shared/api/contract-annotate';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import type { EntryRef } from './codebook-entries';

/** How many claims carry each codebook entry, counted by the core over the whole notebook. */
export function useCodebookUsage() {
  return useQuery({ queryKey: keys.codebookUsage, queryFn: () => api.getCodebookUsage({}) });
}

/** The number of claims that carry one entry (tags are matched by name, ignoring case). */
export function usageOf(usage: CodebookUsage, entry: EntryRef): number {
  switch (entry.kind) {
    case 'actor':
      return usage.actors[entry.id] ?? 0;
    case 'issue':
      return usage.issues[entry.id] ?? 0;
    case 'stance':
      return usage.stances[entry.id] ?? 0;
    case 'tag':
      return usage.tags[entry.name.toLowerCase()] ?? 0;
  }
}
