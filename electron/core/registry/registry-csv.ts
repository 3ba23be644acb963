import Papa from 'papaparse';
import { UserError } from '../../../shared/api';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, WikidataIdSchema, type ActorKind, type Codebook } from '../../../shared/model';
import { neutraliseFormula } from '../exchange/csv-export';

/** The registry file's columns, in order. Aliases are joined with "; ", the parent is named. */
export const REGISTRY_COLUMNS = ['name', 'aliases', 'kind', 'country', 'affiliation', 'parent', 'wikidata', 'notes', 'color'] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

/** Headers other tools write for the same columns (compared without case, spaces, dashes or underscores). */
const HEADER_SYNONYMS: Record<string, RegistryColumn> = {
  name: 'name',
  actor: 'name',
  label: 'name',
  aliases: 'aliases',
  alias: 'aliases',
  alternativenames: 'aliases',
  kind: 'kind',
  type: 'kind',
  country: 'country',
  affiliation: 'affiliation',
  party: 'affiliation',
  partyoraffiliation: 'affiliation',
  parent: 'parent',
  parentactor: 'parent',
  belongsto: 'parent',
  wikidata: 'wikidata',
  wikidataid: 'wikidata',
  qid: 'wikidata',
  notes: 'notes',
  note: 'notes',
  description: 'notes',
  color: 'color',
  colour: 'color',
};

/** Kind words accepted in a file: the kinds, their labels, and common spellings. */
const KIND_WORDS = new Map<string, ActorKind>([
  ...ACTOR_KINDS.map((k) => [k, k] as const),
  ...ACTOR_KINDS.map((k) => [ACTOR_KIND_LABELS[k].toLowerCase(), k] as const),
  ['organization', 'organisation'],
  ['org', 'organisation'],
  ['ngo', 'organisation'],
  ['state', 'government'],
  ['government or state', 'government'],
  ['political party', 'party'],
  ['individual', 'person'],
]);

/** The registry as CSV: one row per actor in codebook order, UTF-8 with a byte order mark, CRLF. */
export function renderRegistryCsv(codebook: Codebook): string {
  const nameOf = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const rows = codebook.actors.map((a) =>
    [
      a.name,
      a.aliases.join('; '),
      a.kind ?? '',
      a.country ?? '',
      a.affiliation ?? '',
      (a.parentId && nameOf.get(a.parentId)) ?? '',
      a.wikidataId ?? '',
      a.notes ?? '',
      a.color ?? '',
    ].map(neutraliseFormula),
  );
  return `\uFEFF${Papa.unparse({ fields: [...REGISTRY_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** One data row of a registry file, its cells cleaned; `row` counts as a spreadsheet does (the header is row 1). */
export interface RegistryRow {
  row: number;
  name: string;
  /** Only the columns the file has; an empty cell is undefined (it changes nothing). */
  aliases?: string[];
  kind?: ActorKind;
  country?: string;
  affiliation?: string;
  parent?: string;
  wikidataId?: string;
  notes?: string;
  color?: string;
}

/** A row the file cannot have, and why. */
export interface RowProblem {
  row: number;
  reason: string;
}

/** Undoes the export's formula guard: a quote before =, +, -, @ was added so spreadsheets would not run the cell. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const MAX_ROWS = 50_000;

/**
 * Reads a registry CSV: a header row naming at least the `name` column (other tools' headings are
 * understood, see HEADER_SYNONYMS), then one actor per row. Columns it does not know are listed
 * in `ignoredColumns`; wholly blank rows are skipped. Cell problems (an unknown kind, a malformed
 * Wikidata id or colour, a missing name) are returned per row; a file that is not a registry at
 * all is refused with an error.
 */
export function parseRegistryCsv(text: string): { rows: RegistryRow[]; problems: RowProblem[]; blankRows: number[]; ignoredColumns: string[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const table = parsed.data;
  while (table.length > 0 && table[table.length - 1]!.every((c) => c.trim() === '')) table.pop();
  if (table.length === 0)
    throw new UserError(
      'invalid-request',
      'The registry file is empty. Export the registry once to see the columns it takes (name, aliases, kind, country, affiliation, parent, wikidata, notes).',
    );
  if (table.length - 1 > MAX_ROWS)
    throw new UserError(
      'invalid-request',
      `The registry file has ${table.length - 1} rows; at most ${MAX_ROWS} are read at once. Split it into smaller files.`,
    );
  const header = table[0]!.map(
    (h) =>
      HEADER_SYNONYMS[
        h
          .trim()
          .toLowerCase()
          .replace(/[\s_-]+/g, '')
      ] ?? null,
  );
  const ignoredColumns = table[0]!
    .filter((_, i) => header[i] === null)
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const repeated = REGISTRY_COLUMNS.find((col) => header.filter((h) => h === col).length > 1);
  if (repeated) throw new UserError('invalid-request', `The registry file has two "${repeated}" columns (row 1). Keep one, and import again.`);
  if (!header.includes('name')) {
    throw new UserError(
      'invalid-request',
      `The registry file's first row has no "name" column (it reads: ${table[0]!
        .slice(0, 8)
        .map((h) => `"${h}"`)
        .join(', ')}). The first row must name the columns: name, aliases, kind, country, affiliation, parent, wikidata, notes.`,
    );
  }
  const rows: RegistryRow[] = [];
  const problems: RowProblem[] = [];
  const blankRows: number[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const row = r + 1;
    if (cells.every((c) => c.trim() === '')) {
      blankRows.push(row);
      continue;
    }
    const get = (col: RegistryColumn): string | undefined => {
      const i = header.indexOf(col);
      const cell = i < 0 ? '' : unguard((cells[i] ?? '').trim());
      return cell === '' ? undefined : cell;
    };
    const name = get('name');
    if (!name) {
      problems.push({ row, reason: 'has no name; every actor needs one' });
      continue;
    }
    const out: RegistryRow = { row, name };
    const reasons: string[] = [];
    if (name.length > 200) reasons.push(`the name is ${name.length} characters long; at most 200`);
    const aliases = get('aliases');
    if (aliases !== undefined)
      out.aliases = aliases
        .split(/[;|]/)
        .map((a) => a.trim())
        .filter((a) => a !== '');
    if (out.aliases?.some((a) => a.length > 200)) reasons.push('an alias is longer than 200 characters');
    const kind = get('kind');
    if (kind !== undefined) {
      const known = KIND_WORDS.get(kind.toLowerCase());
      if (known) out.kind = known;
      else reasons.push(`the kind "${kind}" is not one of ${ACTOR_KINDS.join(', ')}`);
    }
    for (const [col, key, max] of [
      ['country', 'country', 100],
      ['affiliation', 'affiliation', 200],
      ['notes', 'notes', 5000],
      ['parent', 'parent', 200],
    ] as const) {
      const value = get(col);
      if (value === undefined) continue;
      if (value.length > max) reasons.push(`the ${col} is longer than ${max} characters`);
      out[key] = value;
    }
    const wikidata = get('wikidata');
    if (wikidata !== undefined) {
      // A pasted item address is read for its id; nothing is fetched.
      const id = /^https?:\/\/(?:www\.)?wikidata\.org\/(?:wiki|entity)\/(Q\d+)\/?$/i.exec(wikidata)?.[1] ?? wikidata.toUpperCase();
      const checked = WikidataIdSchema.safeParse(id);
      if (checked.success) out.wikidataId = checked.data;
      else reasons.push(`"${wikidata}" is not a Wikidata id (Q followed by digits, e.g. Q148)`);
    }
    const color = get('color');
    if (color !== undefined) {
      if (/^#[0-9a-fA-F]{6}$/.test(color)) out.color = color.toLowerCase();
      else reasons.push(`the colour "${color}" is not #rrggbb`);
    }
    if (reasons.length) problems.push({ row, reason: reasons.join('; ') });
    else rows.push(out);
  }
  return { rows, problems, blankRows, ignoredColumns };
}
