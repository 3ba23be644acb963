import type { Codebook } from '../../../shared/model';
import type { SearchRecord } from './search-records';

/** The fields of the one index, shared by all kinds of record. */
export const SEARCH_FIELDS = ['title', 'meta', 'text', 'quote', 'note', 'coding', 'tags'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Field weights for BM25. Titles and quotes say what a thing is about, so a hit there ranks
 * above the same word somewhere in a long body; coding and tags are the analyst's own words.
 */
export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 3,
  quote: 2,
  coding: 1.5,
  tags: 1.5,
  meta: 1.2,
  note: 1,
  text: 1,
};

/** The fields each kind of record fills (fieldText gives '' for the others): a kinds filter searches only these. */
export const KIND_FIELDS: Record<'article' | 'claim' | 'brief', readonly SearchField[]> = {
  article: ['title', 'meta', 'text', 'tags'],
  claim: ['quote', 'note', 'coding', 'tags'],
  brief: ['title', 'text'],
};

/** Codebook names by id, for the coding field of claims (names only: aliases would match too much). */
export interface CodingNames {
  actors: Map<string, string>;
  issues: Map<string, string>;
  stances: Map<string, string>;
}

export function codingNames(codebook: Codebook): CodingNames {
  return {
    actors: new Map(codebook.actors.map((a) => [a.id, a.name])),
    issues: new Map(codebook.issues.map((i) => [i.id, i.name])),
    stances: new Map(codebook.stances.map((s) => [s.id, s.label])),
  };
}

const joinLines = (...values: (string | null | undefined)[]): string => values.filter((v) => v && v.trim()).join('\n');

/**
 * The text of one field of a record; '' when the record has no such field. Snippets are cut
 * from this same text, so highlights line up with what was indexed.
 */
export function fieldText(record: SearchRecord, field: SearchField, names: CodingNames): string {
  switch (record.kind) {
    case 'article':
      if (field === 'title') return record.title;
      if (field === 'meta') return joinLines(record.source, record.author, record.standfirst);
      if (field === 'text') return record.text;
      if (field === 'tags') return joinLines(...record.tags, ...record.collections);
      return '';
    case 'claim':
      if (field === 'quote') return record.quote;
      if (field === 'note') return record.note;
      if (field === 'tags') return joinLines(...record.tags);
      if (field === 'coding') {
        return joinLines(
          record.proposition,
          record.speaker,
          ...record.actorIds.map((id) => names.actors.get(id)),
          record.issueId ? names.issues.get(record.issueId) : null,
          record.stanceId ? names.stances.get(record.stanceId) : null,
        );
      }
      return '';
    case 'brief':
      if (field === 'title') return record.title;
      if (field === 'text') return record.text;
      return '';
  }
}
