import { UserError } from '../../../shared/api';
import { MAX_LABEL_LENGTH, MAX_LABELS_PER_ARTICLE } from '../../../shared/api/contract-library';
import { labelKey } from './fold-key';

/** What a list of names is, for messages: "tag" or "collection". */
export type LabelKind = 'tag' | 'collection';

/**
 * Tidies one tag or collection name: surrounding space trimmed, inner runs of whitespace
 * (including line breaks pasted in) made one space, NFC so the same word typed on two systems
 * is one name.
 * @throws UserError 'invalid-request' when the name is empty or longer than MAX_LABEL_LENGTH.
 */
export function cleanLabel(kind: LabelKind, raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) {
    throw new UserError('invalid-request', `A ${kind} name cannot be empty. Type a name, or leave the ${kind} out.`);
  }
  if (name.length > MAX_LABEL_LENGTH) {
    throw new UserError(
      'invalid-request',
      `The ${kind} name "${name.slice(0, 40)}…" is ${name.length} characters long; the limit is ${MAX_LABEL_LENGTH}. Shorten it.`,
    );
  }
  return name;
}

/**
 * Tidies a list of names for one article: each cleaned, duplicates dropped case-insensitively
 * (the first spelling wins), and a name the library already uses in another case is spelled as
 * the library spells it, so "taiwan" added to one article does not start a second collection
 * beside "Taiwan". Renaming is how the library's spelling changes.
 *
 * @param existing names already in use across the library.
 * @throws UserError 'invalid-request' for an empty or too long name, or too many names.
 */
export function cleanLabelList(kind: LabelKind, raw: readonly string[], existing: Iterable<string>): string[] {
  const known = new Map<string, string>();
  for (const name of existing) if (!known.has(labelKey(name))) known.set(labelKey(name), name);
  const out = new Map<string, string>();
  for (const item of raw) {
    const name = cleanLabel(kind, item);
    const key = labelKey(name);
    if (!out.has(key)) out.set(key, known.get(key) ?? name);
  }
  if (out.size > MAX_LABELS_PER_ARTICLE) {
    throw new UserError(
      'invalid-request',
      `An article can carry at most ${MAX_LABELS_PER_ARTICLE} ${kind}s; this list has ${out.size}. Remove some and try again.`,
    );
  }
  return [...out.values()];
}
