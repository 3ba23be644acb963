/** An entry a code field can offer: an actor, an issue, a tag or a known proposition. */
export interface CodeEntry {
  key: string;
  name: string;
  /** Other names it answers to (an actor's aliases). */
  aliases?: readonly string[];
}

/** One line of a code field's list: an existing entry, or the offer to create one from the typed text. */
export type CodeOption<T extends CodeEntry> = { kind: 'entry'; entry: T } | { kind: 'create'; name: string };

/** The key of the "Create …" option in a list; entry keys are codebook ids or names, never this. */
export const CREATE_KEY = '\u0000create';

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** The entry whose name or an alias is exactly `text` (ignoring case and outer spaces), if any. */
export function exactEntry<T extends CodeEntry>(entries: readonly T[], text: string): T | undefined {
  const q = fold(text);
  if (!q) return undefined;
  return entries.find((e) => fold(e.name) === q || (e.aliases ?? []).some((a) => fold(a) === q));
}

/**
 * What a code field lists for the typed `text`: the entries whose name or alias contains it
 * (those starting with it first), and, when no entry is exactly that name, "Create "text"".
 * The create option comes first, so Enter on unmatched text creates rather than discards,
 * except while an entry starts with the text: then the analyst is typing its name ("Phil" for
 * Philippines), and that entry comes first with the create option right after it.
 */
export function codeOptions<T extends CodeEntry>(entries: readonly T[], text: string, exclude: ReadonlySet<string> = new Set()): CodeOption<T>[] {
  const q = fold(text);
  const names = (e: T) => [e.name, ...(e.aliases ?? [])].map(fold);
  const open = entries.filter((e) => !exclude.has(e.key));
  const starting = open.filter((e) => q && names(e).some((n) => n.startsWith(q)));
  const containing = open.filter((e) => !starting.includes(e) && (!q || names(e).some((n) => n.includes(q))));
  const found: CodeOption<T>[] = [...starting, ...containing].map((entry) => ({ kind: 'entry', entry }));
  if (!q || exactEntry(entries, text)) return found;
  const create: CodeOption<T> = { kind: 'create', name: text.trim().replace(/\s+/gu, ' ') };
  return starting.length ? [found[0] as CodeOption<T>, create, ...found.slice(1)] : [create, ...found];
}
