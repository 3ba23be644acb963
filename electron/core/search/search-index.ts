import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Article, Brief, Claim, Codebook } from '../../../shared/model';
import { FilterTable } from './filter-table';
import { FieldLengthTable } from './match-documents';
import { prepareAccentedWords } from './phrase-match';
import { tokenize } from './fold-text';
import { capPrefixExpansion, miniInternals } from './minisearch-internals';
import { codingNames, fieldText, FIELD_BOOSTS, SEARCH_FIELDS, type CodingNames, type SearchField } from './search-fields';
import { articleDocId, articleRecord, briefRecord, claimRecord, looksLikeRecord, type SearchRecord } from './search-records';
import { STOP_WORDS } from './stop-words';

/** What search-index.json holds besides its stamp: the records and MiniSearch's own JSON. */
export interface SerializedSearchIndex {
  records: SearchRecord[];
  index: AsPlainObject;
}

/** How many things the index holds, by kind. */
export interface SearchIndexCounts {
  articles: number;
  claims: number;
  briefs: number;
}

/**
 * The inverted index (MiniSearch, BM25) over every article, claim and brief, plus the records
 * snippets, filters and phrase checks read. Mutations replace a whole article (with its claims)
 * at a time, because that is what a change event names.
 */
export class SearchIndex {
  readonly records = new Map<string, SearchRecord>();
  /** Each article's claim document ids, to drop them when the article changes. */
  private readonly claimsOf = new Map<string, Set<string>>();
  private names: CodingNames;
  private codebook_: Codebook;
  readonly mini: MiniSearch<SearchRecord>;
  /** Records by MiniSearch's short document id, so a query's candidates need no id lookups. */
  private readonly byShortId: (SearchRecord | undefined)[] = [];
  /** What filters read, by short id (see FilterTable). */
  readonly filterTable = new FilterTable();
  /** Field lengths by short id, for scoring (see matchDocuments). */
  readonly fieldLengths = new FieldLengthTable(SEARCH_FIELDS.length);

  constructor(codebook: Codebook, serialized?: SerializedSearchIndex) {
    this.codebook_ = codebook;
    this.names = codingNames(codebook);
    const options = this.options();
    if (!serialized) {
      this.mini = new MiniSearch(options);
      capPrefixExpansion(this.mini);
      return;
    }
    for (const record of serialized.records) {
      if (!looksLikeRecord(record)) throw new Error('a record in the index file has an unexpected shape');
      this.remember(record);
    }
    this.mini = MiniSearch.loadJS(serialized.index, options);
    capPrefixExpansion(this.mini);
    // Articles first, so each claim finds its article's short id.
    for (const record of this.records.values()) if (record.kind !== 'claim') this.link(record);
    for (const record of this.records.values()) if (record.kind === 'claim') this.link(record);
    if (this.mini.documentCount !== this.records.size) {
      throw new Error(`the index file holds ${this.mini.documentCount} documents for ${this.records.size} records`);
    }
  }

  private options(): Options<SearchRecord> {
    return {
      fields: [...SEARCH_FIELDS],
      idField: 'id',
      extractField: (record, field) => (field === 'id' ? record.id : fieldText(record, field as SearchField, this.names)),
      // Folding happens in the tokenizer so each text is folded once, not once per word.
      tokenize: (text) => tokenize(text),
      processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
      searchOptions: { boost: FIELD_BOOSTS, combineWith: 'AND' },
    };
  }

  /** The record of a MiniSearch short document id (undefined once discarded). */
  recordAt(shortId: number): SearchRecord | undefined {
    return this.byShortId[shortId];
  }

  /** The document ids of an article's claims. */
  claimIdsOf(articleId: string): Iterable<string> {
    return this.claimsOf.get(articleId) ?? [];
  }

  /** The codebook the claims' coding names were indexed with (written beside the index). */
  get codebook(): Codebook {
    return this.codebook_;
  }

  /** The codebook names claim coding fields are built from. */
  get codingNames(): CodingNames {
    return this.names;
  }

  counts(): SearchIndexCounts {
    const counts = { articles: 0, claims: 0, briefs: 0 };
    for (const record of this.records.values()) counts[`${record.kind}s`] += 1;
    return counts;
  }

  /** Puts an article and its claims in the index, replacing what it held for that article. */
  putArticle(article: Article, claims: Claim[]): void {
    this.removeArticle(article.id);
    this.add(articleRecord(article));
    for (const claim of claims) this.add(claimRecord(claim));
  }

  /** Drops an article and its claims (nothing happens when it is not indexed). */
  removeArticle(articleId: string): void {
    this.drop(articleDocId(articleId));
    for (const id of this.claimsOf.get(articleId) ?? []) this.drop(id);
    this.claimsOf.delete(articleId);
  }

  /** Replaces every brief with the given ones (a notebook has few, so this is cheap). */
  putBriefs(briefs: Brief[]): void {
    for (const record of [...this.records.values()]) if (record.kind === 'brief') this.drop(record.id);
    for (const brief of briefs) this.add(briefRecord(brief));
  }

  /**
   * Switches to a new codebook and returns the claims whose coding text it changes (renamed
   * actors, issues or stances); the caller re-adds them with `refresh`, in chunks.
   */
  setCodebook(codebook: Codebook): string[] {
    const before = this.names;
    const after = codingNames(codebook);
    const changed = new Set<string>();
    for (const kind of ['actors', 'issues', 'stances'] as const) {
      for (const [id, name] of before[kind]) if (after[kind].get(id) !== name) changed.add(id);
      for (const id of after[kind].keys()) if (!before[kind].has(id)) changed.add(id);
    }
    this.names = after;
    this.codebook_ = codebook;
    if (changed.size === 0) return [];
    const stale: string[] = [];
    for (const record of this.records.values()) {
      if (record.kind !== 'claim') continue;
      const ids = [...record.actorIds, record.issueId, record.stanceId];
      if (ids.some((id) => id !== null && changed.has(id))) stale.push(record.id);
    }
    return stale;
  }

  /** Re-indexes one record from its stored copy (after a codebook rename). */
  refresh(docId: string): void {
    const record = this.records.get(docId);
    if (!record) return;
    this.unlink(docId);
    this.mini.discard(docId);
    this.mini.add(record);
    this.link(record);
  }

  toJSON(): SerializedSearchIndex {
    return { records: [...this.records.values()], index: this.mini.toJSON() };
  }

  private add(record: SearchRecord): void {
    this.drop(record.id);
    this.remember(record);
    this.mini.add(record);
    this.link(record);
  }

  private link(record: SearchRecord): void {
    const shortIds = miniInternals(this.mini)._idToShortId;
    const shortId = shortIds.get(record.id);
    if (shortId === undefined) return;
    this.byShortId[shortId] = record;
    prepareAccentedWords(record);
    this.fieldLengths.set(shortId, miniInternals(this.mini)._fieldLength.get(shortId) ?? []);
    this.filterTable.set(shortId, record, record.kind === 'claim' ? shortIds.get(articleDocId(record.articleId)) : undefined);
  }

  private unlink(docId: string): void {
    const shortId = miniInternals(this.mini)._idToShortId.get(docId);
    if (shortId === undefined) return;
    this.byShortId[shortId] = undefined;
    this.filterTable.clear(shortId);
  }

  private remember(record: SearchRecord): void {
    this.records.set(record.id, record);
    if (record.kind !== 'claim') return;
    let ids = this.claimsOf.get(record.articleId);
    if (!ids) this.claimsOf.set(record.articleId, (ids = new Set()));
    ids.add(record.id);
  }

  private drop(docId: string): void {
    const record = this.records.get(docId);
    if (!record) return;
    this.records.delete(docId);
    if (record.kind === 'claim') this.claimsOf.get(record.articleId)?.delete(docId);
    // discard marks the document gone at once and leaves the cleanup to MiniSearch's vacuum.
    if (!this.mini.has(docId)) return;
    this.unlink(docId);
    this.mini.discard(docId);
  }
}
