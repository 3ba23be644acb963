import type { Actor } from '../../../../shared/model';

/** Who a selection is attributed to in its sentence, and the codebook actor that name means. */
export interface Attribution {
  /** The speaker as named in the text: "Wang Yi", "Sullivan", "the US". */
  speaker: string;
  /** The actor whose name or alias is the speaker (or the speaker's possessor: "China's Wang Yi"). */
  actor: Actor | null;
  /** The words that carry the attribution ("China's Wang Yi emphasized"), to show why. */
  cue: string;
}

/** Verbs of saying and stance, in the forms news text uses. */
const SPEECH =
  '(?:said|says|say|told|tells|tell|stated|states|added|adds|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]ing|stressed|stresses|stressing|' +
  'noted|notes|noting|argued|argues|arguing|insisted|insists|insisting|warned|warns|warning|claimed|claims|accused|accuses|' +
  'expressed|expresses|described|describes|declared|declares|announced|announces|urged|urges|reiterated|reiterates|asserted|asserts|' +
  'acknowledged|acknowledges|denied|denies|maintained|maintains|vowed|vows|pledged|pledges|called|calls|raised|raises|believes|believed)';

/** Words between a subject and its verb that are not part of the name ("has", "also", ", however,"). */
const BETWEEN =
  /(?:\s*,\s*(?:however|though|for (?:its|his|her|their) part|on the other hand|in turn|meanwhile|too)\s*,?|\s+(?:has|have|had|was|were|is|are|also|then|again|repeatedly|publicly|firmly|previously|already|once))*\s*$/iu;

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}.-]*|\p{Lu}{2,}s?)$/u;
/** Capitalised at a sentence's start but no one's name: a pronoun names no speaker to propose. */
const NOT_NAMES = new Set([
  'i',
  'he',
  'she',
  'it',
  'we',
  'they',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'both',
  'some',
  'many',
  'most',
  'all',
  'others',
  'one',
  'who',
  'which',
]);
const POSSESSIVE = /^(\p{Lu}[\p{L}\p{M}.-]*)(?:'s|’s|'|’)$/u;

/** Where the sentence around [start, end) begins and ends (at most 600 characters each side). */
export function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  const floor = Math.max(0, start - 600);
  while (from > floor && !/[.!?]["”’]?\s$|\n$/u.test(text.slice(Math.max(0, from - 3), from))) from -= 1;
  let to = end;
  // A selection that ends with its sentence ("…major issues.") ends the sentence there.
  if (/[.!?]["”’]?$/u.test(text.slice(Math.max(start, end - 2), end))) return { from, to };
  const ceiling = Math.min(text.length, end + 600);
  while (to < ceiling && !/^[.!?]["”’]?(\s|$)|^\n/u.test(text.slice(to, to + 3))) to += 1;
  if (to < ceiling && text[to] !== '\n') to += 1;
  return { from, to };
}

interface NameRun {
  name: string;
  possessor: string | null;
}

/** The proper name that ends `before` (the subject of a speech verb), with its possessor if any. */
function nameAtEnd(before: string): NameRun | null {
  const words = before.replace(BETWEEN, '').split(/\s+/u).filter(Boolean);
  const name: string[] = [];
  let possessor: string | null = null;
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const word = (words[i] as string).replace(/^["“(]/u, '');
    const owner = POSSESSIVE.exec(word);
    if (owner) {
      if (name.length) possessor = owner[1] as string;
      break;
    }
    if (NAME_WORD.test(word) && !/[,;:]$/u.test(word) && !NOT_NAMES.has(word.toLowerCase())) {
      name.unshift(word);
      continue;
    }
    // "the US", "the Chinese side": a lowercase article in front of a name belongs to it.
    if (name.length && /^the$/iu.test(word) && i === words.length - 1 - name.length) name.unshift('the');
    break;
  }
  if (name[0] === 'The') name[0] = 'the';
  const words_ = name.filter((w) => w !== 'the');
  if (words_.length === 0) return null;
  // Titles before a name ("National Security Adviser Jake Sullivan"): keep the person's name.
  const trimmed = words_.length > 3 ? words_.slice(-2) : name;
  return { name: trimmed.join(' '), possessor };
}

/** The proper name that starts `after` ("said Wang Yi", "according to the US"). */
function nameAtStart(after: string): NameRun | null {
  const words = after.trim().split(/\s+/u);
  const name: string[] = [];
  for (const [i, raw] of words.entries()) {
    const word = raw.replace(/[,.;:"”]+$/u, '');
    if (i === 0 && /^the$/iu.test(word)) {
      name.push('the');
      continue;
    }
    if (!NAME_WORD.test(word) || NOT_NAMES.has(word.toLowerCase())) break;
    name.push(word);
    if (word !== raw) break;
  }
  if (name.filter((w) => w !== 'the').length === 0) return null;
  return { name: name.slice(-3).join(' '), possessor: null };
}

function mentions(phrase: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu').test(phrase);
}

/** The actor a speaker's name means: exactly a name or alias first, then one the name contains. */
export function actorForSpeaker(actors: readonly Actor[], speaker: string, possessor: string | null): Actor | null {
  const names = (a: Actor) => [a.name, ...a.aliases];
  const bare = speaker.replace(/^the\s+/iu, '');
  const exact = actors.find((a) => names(a).some((n) => n.toLowerCase() === speaker.toLowerCase() || n.toLowerCase() === bare.toLowerCase()));
  if (exact) return exact;
  if (possessor) {
    const owner = actors.find((a) => names(a).some((n) => n.toLowerCase() === possessor.toLowerCase()));
    if (owner) return owner;
  }
  // The longest alias inside the name: "President Xi Jinping" is China through "Xi Jinping".
  let best: { actor: Actor; length: number } | null = null;
  for (const actor of actors) {
    for (const n of names(actor)) if (n.length > (best?.length ?? 0) && mentions(speaker, n)) best = { actor, length: n.length };
  }
  return best?.actor ?? null;
}

/**
 * The speaker of the sentence the selection [start, end) sits in, when the sentence attributes
 * it: a name before a verb of saying ("China's Wang Yi emphasized that …", "…, Wang Yi said",
 * "with Wang stressing that …", "The US, however, emphasized …") or after one ("…, said Wang
 * Yi", "according to Sullivan"). The verb nearest the selection wins. Returns null when the
 * sentence names no one that way: a proposal, never a guess from any name in the paragraph.
 */
export function findAttribution(text: string, start: number, end: number, actors: readonly Actor[]): Attribution | null {
  const { from, to } = sentenceAround(text, start, end);
  const sentence = text.slice(from, to);
  const verbs = [...sentence.matchAll(new RegExp(`(?<![\\p{L}])(?:${SPEECH}|according to)(?![\\p{L}])`, 'giu'))];
  const selStart = start - from;
  const selEnd = end - from;
  const distance = (m: RegExpMatchArray) => {
    const at = m.index ?? 0;
    return at >= selEnd ? at - selEnd : at + m[0].length <= selStart ? selStart - at - m[0].length : 0;
  };
  for (const verb of verbs.sort((a, b) => distance(a) - distance(b))) {
    const at = verb.index ?? 0;
    const word = verb[0].toLowerCase();
    const before = sentence.slice(0, at);
    const after = sentence.slice(at + verb[0].length);
    // "said X" only reads as an attribution right after a comma or a closing quote: "…, said Wang Yi".
    const run = word === 'according to' ? nameAtStart(after) : (nameAtEnd(before) ?? (/[,"”]\s*$/u.test(before) ? nameAtStart(after) : null));
    if (!run) continue;
    const cueStart = Math.max(0, before.length - 60);
    return {
      speaker: run.name,
      actor: actorForSpeaker(actors, run.name, run.possessor),
      cue: `${cueStart > 0 ? '…' : ''}${sentence.slice(cueStart, at + verb[0].length).trim()}`,
    };
  }
  return null;
}
