import type { LabelCount } from '../../../shared/api/contract-library';
import type { ArticleSummary } from '../../../shared/model';
import { labelKey } from './fold-key';

/** Which list of names on an article: its tags or its collections. */
export type LabelField = 'tags' | 'collections';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Every name used in `field` across the library with the number of articles carrying it, in
 * alphabetical order. Spellings differing only in case count as one name (shown as first seen),
 * so data from before names were tidied still lists once.
 */
export function labelCounts(summaries: readonly ArticleSummary[], field: LabelField): LabelCount[] {
  const counts = new Map<string, LabelCount>();
  for (const summary of summaries) {
    // An article carrying two spellings of one name still counts once.
    const seen = new Set<string>();
    for (const name of summary[field]) {
      const key = labelKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.articleCount += 1;
      else counts.set(key, { name, articleCount: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));
}

/** Every name used in `field`, in any article except `exceptId`. */
export function namesInUse(summaries: readonly ArticleSummary[], field: LabelField, exceptId?: string): string[] {
  const names: string[] = [];
  for (const summary of summaries) if (summary.id !== exceptId) names.push(...summary[field]);
  return names;
}
