import { roleOfBodyId } from './w3c-vocabulary';

/** What an annotation file says about one piece of text, independent of who wrote the file. */
export interface IncomingAnnotation {
  /** The annotation's id, or a stand-in such as "#3" for reports. */
  label: string;
  /** The target's source IRI, when it names one. */
  source: string | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** Code point offsets, as the W3C model counts them. */
  position: { start: number; end: number } | null;
  actors: string[];
  issue: string | null;
  stance: string | null;
  proposition: string;
  speaker: string | null;
  tags: string[];
  note: string;
  created: string | null;
  modified: string | null;
}

/** An annotation the file holds but the import cannot use, with why. */
export interface UnusableAnnotation {
  label: string;
  reason: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const hasType = (value: Json, type: string): boolean => asArray(value.type).includes(type);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Finds the annotations in a parsed JSON file: one Annotation, an array of them, an
 * AnnotationCollection with embedded pages, or an AnnotationPage. Anything else gives none.
 */
export function collectAnnotations(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return [];
  if (hasType(json, 'Annotation')) return [json];
  if (hasType(json, 'AnnotationPage')) return asArray(json.items);
  if (hasType(json, 'AnnotationCollection')) {
    const items: unknown[] = [];
    // Pages chain through `next`; only pages embedded in the file can be read offline.
    let page: unknown = json.first;
    const seen = new Set<unknown>();
    while (isObject(page) && !seen.has(page)) {
      seen.add(page);
      items.push(...asArray(page.items));
      page = page.next;
    }
    return items;
  }
  return [];
}

function selectorsOf(target: Json): Json[] {
  const out: Json[] = [];
  for (const selector of asArray(target.selector)) {
    if (!isObject(selector)) continue;
    out.push(selector);
    // Some tools refine one selector by another; both can help to place the text.
    if (isObject(selector.refinedBy)) out.push(selector.refinedBy);
  }
  return out;
}

function readTarget(annotation: Json): { source: string | null; selectors: Json[] } | null {
  for (const target of asArray(annotation.target)) {
    if (typeof target === 'string') continue;
    if (!isObject(target)) continue;
    const selectors = selectorsOf(target);
    if (!selectors.length) continue;
    const source = str(target.source) ?? (isObject(target.source) ? str(target.source.id) : null);
    return { source, selectors };
  }
  const first = asArray(annotation.target)[0];
  return typeof first === 'string' ? { source: first, selectors: [] } : null;
}

function readBodies(annotation: Json, into: IncomingAnnotation): void {
  const notes: string[] = [];
  if (typeof annotation.bodyValue === 'string') notes.push(annotation.bodyValue);
  for (const body of asArray(annotation.body)) {
    if (!isObject(body)) continue;
    // Our coding bodies: a SpecificResource whose source is a labelled concept IRI.
    const concept = isObject(body.source) ? body.source : null;
    const value = str(body.value) ?? str(body.chars) ?? (concept ? (str(concept.label) ?? str(concept.value)) : null);
    if (value === null || !value.trim()) continue;
    const role = roleOfBodyId(concept ? concept.id : body.id);
    const purposes = asArray(body.purpose).concat(asArray(annotation.motivation).length === 1 && !body.purpose ? asArray(annotation.motivation) : []);
    if (role === 'actor') into.actors.push(value.trim());
    else if (role === 'issue') into.issue ??= value.trim();
    else if (role === 'stance') into.stance ??= value.trim();
    else if (role === 'proposition') into.proposition ||= value.trim();
    else if (role === 'speaker') into.speaker ??= value.trim();
    else if (purposes.includes('tagging') || purposes.includes('classifying')) into.tags.push(value.trim());
    else notes.push(value);
  }
  into.note = notes.join('\n\n');
}

/**
 * Reads one annotation (ours or another tool's). Returns what it says about text, or why it
 * cannot be used: it is not an Annotation, or its target names no text at all.
 */
export function parseAnnotation(raw: unknown, index: number): IncomingAnnotation | UnusableAnnotation {
  const label = isObject(raw) && typeof raw.id === 'string' ? raw.id : `#${index + 1}`;
  if (!isObject(raw) || !hasType(raw, 'Annotation')) return { label, reason: 'not a W3C Annotation (its type is not "Annotation")' };
  const target = readTarget(raw);
  if (!target) return { label, reason: 'its target names no document' };
  const quoteSelector = target.selectors.find((s) => hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string' && s.exact);
  const positionSelector = target.selectors.find(
    (s) => hasType(s, 'TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.end as number) > (s.start as number),
  );
  if (!quoteSelector && !positionSelector) return { label, reason: 'it selects no text (no TextQuoteSelector or TextPositionSelector)' };
  const incoming: IncomingAnnotation = {
    label,
    source: target.source,
    quote: quoteSelector
      ? { exact: quoteSelector.exact as string, prefix: str(quoteSelector.prefix) ?? '', suffix: str(quoteSelector.suffix) ?? '' }
      : null,
    position: positionSelector ? { start: positionSelector.start as number, end: positionSelector.end as number } : null,
    actors: [],
    issue: null,
    stance: null,
    proposition: '',
    speaker: null,
    tags: [],
    note: '',
    created: str(raw.created),
    modified: str(raw.modified),
  };
  readBodies(raw, incoming);
  incoming.tags = [...new Set(incoming.tags)];
  return incoming;
}

export function isUsable(parsed: IncomingAnnotation | UnusableAnnotation): parsed is IncomingAnnotation {
  return 'quote' in parsed;
}
