import type MiniSearch from 'minisearch';
import { MAX_PREFIX_TERMS, miniInternals, topExpansions, type TermData } from './minisearch-internals';

/** One word of the AND query as the index sees it: a whole word, or a prefix to expand. */
export interface MatchTerm {
  word: string;
  prefix: boolean;
}

/** MiniSearch's default weight of prefix matches and its BM25 parameters (scores stay the same). */
const PREFIX_WEIGHT = 0.375;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Field lengths by short id (MiniSearch keeps them in a Map of arrays: a lookup per posting). */
export interface FieldLengths {
  get(docId: number, fieldId: number): number;
}

/** One posting list of one index word in one field, with what scoring it needs. */
interface Part {
  /** The index word (the query word itself, or one of its prefix expansions). */
  term: string;
  field: string;
  fieldId: number;
  docs: Map<number, number>;
  /** Prefix weight × field boost × inverse document frequency. */
  factor: number;
  avgLength: number;
}

/** The documents matching every term, with their scores (`score[docId]`), in no order. */
export interface MatchedDocuments {
  docIds: number[];
  score: Float64Array;
  /** The posting lists each term matched through, to tell later which fields and words a document matched. */
  parts: Part[][];
}

/** The index words a term stands for, with their weights: the word itself, and for a prefix its top expansions. */
function derivedTerms<T>(mini: MiniSearch<T>, term: MatchTerm): [string, number, TermData][] {
  const internals = miniInternals(mini);
  const derived: [string, number, TermData][] = [];
  const exact = internals._index.get(term.word);
  if (exact) derived.push([term.word, 1, exact]);
  if (term.prefix) {
    for (const [word, data] of topExpansions(mini, term.word, MAX_PREFIX_TERMS)) {
      const distance = word.length - term.word.length;
      derived.push([word, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance), data]);
    }
  }
  return derived;
}

/**
 * Finds the documents holding every term (AND) and scores them with BM25 exactly as MiniSearch
 * 7 does (same field boosts, prefix weights and parameters, times the number of distinct query
 * words), but without MiniSearch's per-posting objects: the rarest term gives the candidates,
 * the filter (`accept`) runs once per candidate, and each further term is either looked up for
 * each candidate or walked, whichever touches fewer postings.
 */
export function matchDocuments<T>(
  mini: MiniSearch<T>,
  terms: MatchTerm[],
  boosts: Record<string, number>,
  accept: ((docId: number) => boolean) | null,
  lengths: FieldLengths | null = null,
): MatchedDocuments {
  const internals = miniInternals(mini);
  const documentIds = internals._documentIds;
  const dirty = internals._dirtCount > 0;
  const docCount = internals._documentCount;
  const fieldLength = internals._fieldLength;
  const score = new Float64Array(internals._nextId + 1);
  const empty: MatchedDocuments = { docIds: [], score, parts: [] };

  const partsOf: Part[][] = [];
  for (const term of terms) {
    const parts: Part[] = [];
    for (const [word, weight, data] of derivedTerms(mini, term)) {
      for (const [field, boost] of Object.entries(boosts)) {
        const fieldId = internals._fieldIds[field];
        const docs = fieldId === undefined ? undefined : data.get(fieldId);
        if (!docs || docs.size === 0 || fieldId === undefined) continue;
        let matching = docs.size;
        // Discarded documents stay in the postings until MiniSearch's vacuum: not counted.
        if (dirty) docs.forEach((_, docId) => void (documentIds.has(docId) || (matching -= 1)));
        const idf = Math.log(1 + (docCount - matching + 0.5) / (matching + 0.5));
        parts.push({ term: word, field, fieldId, docs, factor: weight * boost * idf, avgLength: internals._avgFieldLength[fieldId] ?? 0 });
      }
    }
    if (parts.length === 0) return empty;
    partsOf.push(parts);
  }
  if (partsOf.length === 0) return empty;
  const cost = (parts: Part[]): number => parts.reduce((n, p) => n + p.docs.size, 0);
  const order = partsOf.map((parts, i) => [cost(parts), i] as const).sort((a, b) => a[0] - b[0]);

  const { k, b, d } = BM25;
  const bm25 = (part: Part, docId: number, tf: number): number => {
    const length = lengths ? lengths.get(docId, part.fieldId) : (fieldLength.get(docId)?.[part.fieldId] ?? 0);
    return part.factor * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / part.avgLength)));
  };

  // Stage marks: 1..n = matched the first n terms; REJECTED = filtered out.
  const REJECTED = 255;
  const stage = new Uint8Array(internals._nextId + 1);
  let candidates: number[] = [];
  // forEach rather than for-of: no [key, value] array per posting (tens of thousands per query).
  for (const part of partsOf[order[0]![1]]!) {
    part.docs.forEach((tf, docId) => {
      const mark = stage[docId];
      if (mark === REJECTED) return;
      if (mark === 0) {
        if ((dirty && !documentIds.has(docId)) || (accept && !accept(docId))) {
          stage[docId] = REJECTED;
          return;
        }
        stage[docId] = 1;
        candidates.push(docId);
      }
      score[docId] = score[docId]! + bm25(part, docId, tf);
    });
  }

  for (let n = 1; n < order.length && candidates.length > 0; n++) {
    const parts = partsOf[order[n]![1]]!;
    const kept: number[] = [];
    if (candidates.length * parts.length <= cost(parts)) {
      for (const docId of candidates) {
        let sum = 0;
        let hit = false;
        for (const part of parts) {
          const tf = part.docs.get(docId);
          if (tf === undefined) continue;
          hit = true;
          sum += bm25(part, docId, tf);
        }
        if (!hit) continue;
        score[docId] = score[docId]! + sum;
        stage[docId] = n + 1;
        kept.push(docId);
      }
    } else {
      for (const part of parts) {
        part.docs.forEach((tf, docId) => {
          const mark = stage[docId];
          if (mark !== n && mark !== n + 1) return;
          if (mark === n) {
            stage[docId] = n + 1;
            kept.push(docId);
          }
          score[docId] = score[docId]! + bm25(part, docId, tf);
        });
      }
    }
    candidates = kept;
  }

  // MiniSearch multiplies by the number of distinct query words a document matched: all of them here.
  const quality = new Set(terms.map((t) => t.word)).size;
  for (const docId of candidates) score[docId] = score[docId]! * quality;
  return { docIds: candidates, score, parts: partsOf };
}

/** The index words (query words or their expansions) a matched document holds, for highlighting. */
export function matchedWords(matched: MatchedDocuments, docId: number): Set<string> {
  const words = new Set<string>();
  for (const parts of matched.parts) for (const part of parts) if (part.docs.has(docId)) words.add(part.term);
  return words;
}

/** Fields of a document holding every one of `words` (index words, exact), or null when `words` is empty. */
export function fieldsHoldingAll(matched: MatchedDocuments, docId: number, words: Set<string>): Set<string> | null {
  if (words.size === 0) return null;
  const byWord = new Map<string, Set<string>>();
  for (const parts of matched.parts) {
    for (const part of parts) {
      if (!words.has(part.term) || !part.docs.has(docId)) continue;
      let fields = byWord.get(part.term);
      if (!fields) byWord.set(part.term, (fields = new Set()));
      fields.add(part.field);
    }
  }
  let common: string[] | null = null;
  for (const word of words) {
    const fields = byWord.get(word) ?? new Set<string>();
    common = common ? common.filter((f) => fields.has(f)) : [...fields];
  }
  return new Set(common ?? []);
}

/**
 * Hands out documents best first (higher score, then earlier document), without sorting them
 * all: a binary heap, built in linear time, popped only as far as a page (or phrase checks) needs.
 */
export class RankedDocuments {
  private readonly heap: number[];

  constructor(docIds: number[], private readonly score: Float64Array) {
    this.heap = docIds.slice();
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The best document left, or undefined when none is. */
  next(): number | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private better(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    return sa > sb || (sa === sb && a < b);
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < n && this.better(heap[left]!, heap[best]!)) best = left;
      if (right < n && this.better(heap[right]!, heap[best]!)) best = right;
      if (best === i) return;
      [heap[i], heap[best]] = [heap[best]!, heap[i]!];
      i = best;
    }
  }
}

/** Field lengths in one typed array by short id, kept by SearchIndex as documents come and go. */
export class FieldLengthTable implements FieldLengths {
  private lengths = new Float32Array(0);

  constructor(private readonly fields: number) {}

  get(docId: number, fieldId: number): number {
    return this.lengths[docId * this.fields + fieldId] ?? 0;
  }

  set(docId: number, lengths: readonly (number | undefined)[]): void {
    const at = docId * this.fields;
    if (at + this.fields > this.lengths.length) {
      const next = new Float32Array(Math.max(1024 * this.fields, (at + this.fields) * 2));
      next.set(this.lengths);
      this.lengths = next;
    }
    for (let f = 0; f < this.fields; f++) this.lengths[at + f] = lengths[f] ?? 0;
  }
}
