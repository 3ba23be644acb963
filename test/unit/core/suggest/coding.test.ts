import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../../../shared/model';
import { suggestionCoder } from '../../../../electron/core/suggest/coding';

/**
 * The coding a suggestion proposes, against the way it was first written (one Unicode regular
 * expression per name, kept here as the reference): the faster whole-word search must find
 * exactly what the expression found, letters beyond the Basic Multilingual Plane included.
 */

function norm(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}
function referenceContains(text: string, phrase: string): boolean {
  const p = norm(phrase);
  if (!p) return false;
  const escaped = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(norm(text));
}
function referenceActor(codebook: Codebook, speaker: string, sourceText: string | null): string | null {
  const wanted = norm(speaker);
  const names = (a: Codebook['actors'][number]) => [a.name, ...a.aliases];
  const exact = codebook.actors.find((a) => names(a).some((n) => norm(n) === wanted));
  if (exact) return exact.id;
  const inside = codebook.actors.find((a) => names(a).some((n) => n.length > 2 && referenceContains(speaker, n)));
  if (inside) return inside.id;
  if (sourceText) return codebook.actors.find((a) => names(a).some((n) => n.length > 2 && referenceContains(sourceText, n)))?.id ?? null;
  return null;
}
function referenceIssue(codebook: Codebook, content: string): string | null {
  let best: { id: string; length: number } | null = null;
  for (const issue of codebook.issues)
    for (const term of [issue.name, ...issue.propositions])
      if (term.length > (best?.length ?? 0) && referenceContains(content, term)) best = { id: issue.id, length: term.length };
  return best?.id ?? null;
}

const actor = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases }) as unknown as Codebook['actors'][number];
const issue = (id: string, name: string, propositions: string[] = []) => ({ id, name, propositions }) as unknown as Codebook['issues'][number];
const codebook = {
  actors: [
    actor('cn', 'China', ['Wang Yi', "China's foreign ministry", 'Beijing']),
    actor('us', 'United States', ['Washington', 'U.S.', 'Blinken']),
    actor('eu', 'European Union', ['EU', 'Brussels']),
    actor('ru', 'Россия', ['Кремль']),
    actor('math', '𝐀𝐁𝐂 Group', ['𝐀𝐁𝐂']),
    actor('ko', '서울'),
  ],
  issues: [
    issue('tw', 'Taiwan', ['Taiwan independence', 'Taiwan arms sales']),
    issue('trade', 'Trade', ['tariffs on steel', 'export controls']),
    issue('climate', 'Climate', ['net zero']),
  ],
  stances: [],
  tags: [],
} as unknown as Codebook;

const SPEAKERS = [
  'China',
  'china',
  'Mr. Wang Yi',
  'Wang Yiming',
  'Beijing-based analysts',
  'Beijinger',
  "CHINA'S   FOREIGN ministry spokesperson",
  'China’s foreign ministry',
  'U.S. officials',
  'U.S.A.',
  'the EU',
  'EUROPE',
  'Кремль',
  'пресс-служба Кремля',
  '𝐀𝐁𝐂 spokesman',
  'x𝐀𝐁𝐂',
  '𝐀𝐁𝐂𝐃',
  '𝑥𝐀𝐁𝐂',
  '서울시',
  '서울 시장',
  'Blinken2',
  '2Blinken',
  'Blinken_',
  '',
  '  ',
  'nobody at all',
];
const CONTENTS = [
  'Talks on Taiwan independence stalled.',
  'Taiwanese voters',
  'TAIWAN arms sales rose; tariffs on steel too',
  'export controls, net zero',
  'net-zero pledges',
  'Trade-offs',
  'trade',
  '(Climate)',
  'nothing to see',
];

const coder = suggestionCoder(codebook);
const actorForSpeaker = (_codebook: Codebook, speaker: string, source: string | null) => coder.actorForSpeaker(speaker, source);
const issueForContent = (_codebook: Codebook, content: string) => coder.issueForContent(content);

describe('the coding a suggestion proposes, against the regular expressions it replaced', () => {
  it('finds the same actor as the regular expressions did, for every speaker and source', () => {
    for (const speaker of SPEAKERS)
      for (const source of [null, ...SPEAKERS.slice(0, 8)])
        expect(actorForSpeaker(codebook, speaker, source), `${speaker} / ${source}`).toBe(referenceActor(codebook, speaker, source));
  });

  it('finds the same issue as the regular expressions did, for every content', () => {
    for (const content of [...CONTENTS, ...SPEAKERS]) expect(issueForContent(codebook, content), content).toBe(referenceIssue(codebook, content));
  });

  it('finds names as whole words only', () => {
    expect(actorForSpeaker(codebook, 'Mr. Wang Yi', null)).toBe('cn');
    expect(actorForSpeaker(codebook, 'Wang Yiming', null)).toBeNull();
    expect(actorForSpeaker(codebook, '𝐀𝐁𝐂 spokesman', null)).toBe('math');
    expect(actorForSpeaker(codebook, '𝐀𝐁𝐂𝐃', null)).toBeNull();
    expect(issueForContent(codebook, 'Taiwanese voters')).toBeNull();
    expect(issueForContent(codebook, 'Talks on Taiwan independence stalled.')).toBe('tw');
  });
});
