/**
 * Issue 18, fifth round (decision 0013, "the claim's sentence, reworded, still around it"): the
 * words of the claim's old sentence besides the claim, reworded but recognisable (each side with
 * words keeps half its characters, and those sides held 20 characters or more), tell that a
 * rewritten stretch is the claim:
 * - a stretch moved with its sentence, away from the claim's emptied old place, keeping half the
 *   quote, is not "other text" (it was orphaned when it kept under three quarters): placed, asked;
 * - a stretch whose recorded 32-character neighbours were reworded with it, keeping 42 % of the
 *   quote and a third of its words, with no rival, is placed for review instead of orphaned.
 * The same stretch in a sentence that is new stays orphaned, and a deleted claim stays orphaned.
 * And the very words with none of their old neighbours, in a sentence none of the claim's old
 * sentence stands in, away from its old place, are another occurrence (orphaned, the copy offered).
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange } from '../../../../shared/anchoring';
import { sentenceSides } from '../../../../shared/anchoring/sentence-context';

function targetOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeRange(text, start, start + quote.length);
}

const P1 = 'The council met on Monday to discuss the harbour budget and the new cranes for the port.';
const P2 = 'Opponents said the plan would cost too much and warned that the river would silt up within a decade.';

describe('sentenceSides: the claim old sentence, side by side', () => {
  it('a side the claim had no words on is null; a reworded side keeps a share; read counts the old sides with words', () => {
    const old = 'Kall said on Monday that Trump will make some kind of news: "a surprise up his sleeve."';
    const claim = { start: old.indexOf('"a surprise'), end: old.length };
    const now = 'Kall said on Tuesday that Trump may make some sort of news: "a trick up his sleeve."';
    const sides = sentenceSides(old, claim, now, { start: now.indexOf('"a trick'), end: now.length });
    expect(sides.after).toBeNull();
    expect(sides.before).toBeGreaterThan(0.7);
    expect(sides.before).toBeLessThan(1);
    expect(sides.read).toBe('Kall said on Monday that Trump will make some kind of news:'.length);
    const other = 'The weather in the valley stayed dry for most of the week: "a trick up his sleeve."';
    expect(sentenceSides(old, claim, other, { start: other.indexOf('"a trick'), end: other.length }).before).toBeLessThan(0.5);
  });
});

describe('a claim moved with its sentence and reworded is not other text', () => {
  const P3 = 'Trump will probably use the encounter to make some kind of news, Kall said: "I feel like he has a surprise up his sleeve."';
  const previous = `${P1}\n\n${P2}\n\n${P3}`;
  const target = targetOf(previous, '"I feel like he has a surprise up his sleeve."');
  const reworded = '"I think he has got a trick up his sleeve."';

  it('its paragraph moved to the top, the sentence and the claim reworded: placed there, asked', () => {
    const moved = `Trump will likely use the debate to make some kind of headline, Kall said: ${reworded}`;
    const revision = `${moved}\n\n${P1}\n\n${P2}`;
    const result = anchorTarget(revision, target, { checkTwins: true, previousText: previous });
    expect(result.status).toBe('relocated');
    expect(result.status !== 'orphaned' && result.review).toEqual(['quote-changed']);
    expect(revision.slice(result.start!, result.end!)).toBe(reworded);
  });

  it('the same words in a sentence that is new: other text, orphaned (the stretch offered)', () => {
    const other = `The weather in the valley stayed dry for most of the week, forecasters noted: ${reworded}`;
    const result = anchorTarget(`${other}\n\n${P1}\n\n${P2}`, target, { checkTwins: true, previousText: previous });
    expect(result.status).toBe('orphaned');
    expect(result.status === 'orphaned' && result.bestCandidate).not.toBeNull();
  });

  it('the paragraph deleted: orphaned', () => {
    expect(anchorTarget(`${P1}\n\n${P2}`, target, { checkTwins: true, previousText: previous }).status).toBe('orphaned');
  });
});

describe('a claim reworded with its recorded neighbours, in its old sentence, is placed for review', () => {
  const previous =
    'The show opens with a song.\n\n“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “I just want to know, where do we go from here?”\n\n“American Skin” was written in 1999.';
  const target = targetOf(previous, '“I just want to know, where do we go from here?”');
  const reworded = '“I only wish to see, where shall we head after this?”';
  const revise = (sentenceStart: string) => `${sentenceStart} ${reworded} However, other reports said that the event was cancelled.`;

  it('the rest of its sentence reworded but recognisable: placed, asked, on the whole quotation', () => {
    const revision = revise('“Promise mama you will keep the hands up,” Blige sang to Clinton later asking of her,');
    const result = anchorTarget(revision, target, { checkTwins: true, previousText: previous });
    expect(result.status).toBe('relocated');
    expect(result.status !== 'orphaned' && result.review).toEqual(['quote-changed']);
    expect(revision.slice(result.start!, result.end!)).toBe(reworded);
  });

  it('the same words in a sentence that is new: orphaned by the words alone; by the edit, placed where it was reworded, asked', () => {
    const revision = revise('Crowds gathered outside the arena long before the doors opened at noon, asking of her,');
    // The words alone cannot tell the claim reworded from a quotation of it in a new sentence.
    expect(anchorTarget(revision, target, { checkTwins: true }).status).toBe('orphaned');
    // The diff of the two revisions shows the claim's own stretch reworded where it stood (decision
    // 0013, sixth round): placed there, never trusted.
    const result = anchorTarget(revision, target, { checkTwins: true, previousText: previous });
    expect(result).toMatchObject({ status: 'relocated', review: ['quote-changed'] });
    expect(revision.slice(result.start!, result.end!)).toBe(reworded);
  });

  it('without the previous revision the old sentence is unknown: orphaned', () => {
    const revision = revise('“Promise mama you will keep the hands up,” Blige sang to Clinton later asking of her,');
    expect(anchorTarget(revision, target, { checkTwins: true }).status).toBe('orphaned');
  });
});

describe('the very words quoted in a sentence that is new are another occurrence', () => {
  // (the surroundings reworded too, so the claim's old place cannot be found by the text around it)
  const A = 'Officials said the hacking of the party committee could be traced to the Russian government or to hackers it sanctioned.';
  const A2 = 'According to officials, the intrusion into the committee was linked to Russian state agencies or to groups that they sponsor.';
  const B =
    'The administration may be reluctant to act while the Secretary of State negotiates with Russia over Syria, Schiff said, adding that a response could still come before the end of the year.';
  const B2 =
    'Schiff said that talks with Russia about Syria might make the White House hesitate, though he added that it could still respond before December.';
  const C = 'Congress returns next week, and the first hearing on election security is set for Thursday morning.';
  const claim = 'This week, the president declined to threaten Moscow or even directly declare it responsible.';
  const next = '"We have had problems with cyber intrusions from Russia in the past," Obama said after the meeting.';
  const previous = `${A}\n\n${claim}\n\n${next}\n\n${B}\n\n${C}`;
  const quote = 'to threaten Moscow or even directly declare it responsible';
  const target = targetOf(previous, quote);

  it('the claim deleted with its sentence, its words set after a new sentence (", and <the words>."): orphaned, the copy offered', () => {
    const copy =
      'Shifting monsoon patterns could affect a billion people who farm low-lying land, and to threaten Moscow or even directly declare it responsible.';
    const revision = `${A2}\n\n${B2}\n\n${copy}\n\n${C}`;
    const result = anchorTarget(revision, target, { checkTwins: true, previousText: previous });
    expect(result.status).toBe('orphaned');
    const offered = result.status === 'orphaned' ? result.bestCandidate : null;
    expect(offered && revision.slice(offered.start, offered.end)).toBe(quote);
  });

  it('the claim moved with part of its sentence: placed, asked', () => {
    const moved = 'This week, the president still declined to threaten Moscow or even directly declare it responsible.';
    const revision = `${A2}\n\n${B2}\n\n${moved}\n\n${C}`;
    const result = anchorTarget(revision, target, { checkTwins: true, previousText: previous });
    expect(result.status).toBe('relocated');
    expect(result.status !== 'orphaned' && result.review).toEqual(['context-changed']);
    expect(revision.slice(result.start!, result.end!)).toBe(quote);
  });
});
