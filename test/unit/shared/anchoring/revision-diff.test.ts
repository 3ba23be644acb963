/**
 * Issue 18, sixth round (decision 0013): the previous revision's text carried through a diff of
 * the two revisions, and a claim reworded in place found there by the edit itself.
 */
import { describe, expect, it } from 'vitest';
import { createAnchorer, describeRange, normalizeText } from '../../../../shared/anchoring';
import { editPlace, rewordedInPlace } from '../../../../shared/anchoring/edit-place';
import { revisionMap } from '../../../../shared/anchoring/revision-diff';

function at(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + part.length };
}

describe('revisionMap', () => {
  it('carries an untouched stretch past text inserted before it, character for character', () => {
    const old = 'The minister said the plan would fail. Nobody replied.';
    const now = `A new opening sentence. ${old}`;
    const claim = at(old, 'the plan would fail');
    expect(revisionMap(old, now)!.map(claim.start, claim.end)).toEqual({ ...at(now, 'the plan would fail'), kept: 1 });
  });

  it('carries a reworded stretch to the words that took its place, and says how much stood unchanged', () => {
    const old = 'The minister said the plan would fail. Nobody replied.';
    const now = 'The minister claimed the scheme would fail. Nobody replied.';
    const claim = at(old, 'said the plan would fail');
    const mapped = revisionMap(old, now)!.map(claim.start, claim.end)!;
    expect(now.slice(mapped.start, mapped.end)).toBe('claimed the scheme would fail');
    // "said" and "plan" went: 8 of the 24 characters
    expect(mapped.kept).toBeCloseTo(16 / 24, 5);
  });

  it('maps a deleted stretch to nothing', () => {
    const old = 'First sentence here. The claim stood in this sentence. Last sentence here.';
    const now = 'First sentence here. Last sentence here.';
    const claim = at(old, 'The claim stood in this sentence.');
    expect(revisionMap(old, now)!.map(claim.start, claim.end)).toBeNull();
  });

  it('finds where a run the diff shows deleted went, when a new run holds most of its words (a paragraph moved)', () => {
    const moved = 'The authority said the plan would protect jobs for a decade. Its chairman spoke to the assembly.';
    const long =
      'Shipping lines began diverting vessels to a neighbouring port. Freight rates on the northern route rose by a fifth within a week. Exporters said they could not wait for the dispute to end.';
    const old = `Opening line.\n\n${moved}\n\n${long}`;
    const reworded = moved.replace('would protect jobs', 'might save posts');
    const now = `Opening line.\n\n${long}\n\n${reworded}`;
    const map = revisionMap(old, now)!;
    const claim = at(old, 'the plan would protect jobs');
    expect(map.map(claim.start, claim.end)).toBeNull();
    const went = map.mapMoved(claim.start, claim.end)!;
    expect(now.slice(went.start, went.end)).toBe('the plan might save posts');
    // a run whose words stand nowhere else went nowhere
    const gone = revisionMap(old, `Opening line.\n\n${long}`)!;
    expect(gone.mapMoved(claim.start, claim.end)).toBeNull();
  });

  it('gives up, rather than guess, when the texts have more distinct words than it can code', () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `w${i}`).join(' ');
    expect(revisionMap(many, `${many} end`)).toBeUndefined();
  });
});

describe('editPlace', () => {
  it('widens a stretch carried in proportion to whole words, and measures it against the claim', () => {
    const oldText = 'He said the authority would protect jobs in the district. Then he left.';
    const nowText = 'He said the minister negotiated plans months in the district. Then he left.';
    const old = normalizeText(oldText);
    const now = normalizeText(nowText);
    const claim = at(oldText, 'the authority would protect jobs in the district');
    const place = editPlace(revisionMap(old.text, now.text)!, old, now, claim)!;
    expect(nowText.slice(place.start, place.end)).toBe('the minister negotiated plans months in the district');
    // the, in, the, district: 4 of the claim's 8 words
    expect(place.words).toBe(0.5);
    expect(place.kept).toBeLessThan(1);
    expect(rewordedInPlace(place)).toBe(true);
  });

  it('is not a rewording when the stretch keeps none of the claim, or is far longer than it', () => {
    const base = { start: 0, end: 10, kept: 0.5 };
    expect(rewordedInPlace({ ...base, words: 0, ratio: 1 })).toBe(false);
    expect(rewordedInPlace({ ...base, words: 0.5, ratio: 3 })).toBe(false);
    expect(rewordedInPlace({ ...base, kept: 1, words: 1, ratio: 1 })).toBe(false);
    // nearly all its characters kept: the claim's words, perhaps a copy, for the search to judge
    expect(rewordedInPlace({ ...base, kept: 0.95, words: 1, ratio: 1 })).toBe(false);
  });
});

describe('a claim reworded past what its words can find', () => {
  const old =
    'The port authority met the unions on Monday.\n\nThe authority said the plan would protect jobs in the harbour district for a decade. Its chairman told the regional assembly that the cranes would be replaced in stages.\n\nShipping lines began diverting vessels to a neighbouring port.';
  const quote = 'the plan would protect jobs in the harbour district';
  const target = describeRange(old, old.indexOf(quote), old.indexOf(quote) + quote.length);

  it('is placed where the edit left it, for review, when the previous revision is known', () => {
    const now = old.replace(
      `The authority said ${quote} for a decade`,
      'The worried minister said vessel negotiated project month Thursday in the winter district over a decade',
    );
    const result = createAnchorer(now, { checkTwins: true, previousText: old }).anchor(target);
    expect(result).toMatchObject({
      status: 'relocated',
      ...at(now, 'vessel negotiated project month Thursday in the winter district'),
      review: ['quote-changed'],
    });
    // without the previous revision only the words are evidence, and they are not enough
    expect(createAnchorer(now, { checkTwins: true }).anchor(target).status).toBe('orphaned');
  });

  it('stays orphaned when its sentence was deleted and another took its place', () => {
    const now = old.replace(`The authority said ${quote} for a decade.`, 'Fuel prices rose sharply across the whole region this week, traders said.');
    expect(createAnchorer(now, { checkTwins: true, previousText: old }).anchor(target).status).toBe('orphaned');
  });

  it('placed for review by the search with the wrong edges, takes the edges the edit gives', () => {
    const before =
      "The talks ended on Sunday.\n\nChina described the meeting as a success in terms of expressing each other's opposite positions and policies on major issues. Both sides agreed to meet again.";
    const phrase = 'in terms of expressing';
    const claim = describeRange(before, before.indexOf(phrase), before.indexOf(phrase) + phrase.length);
    const now = before.replace('as a success in terms of expressing', 'as a earners in during income opponent');
    // The search alone reaches one word too far back ("earners" took the place of "success").
    const search = createAnchorer(now, { checkTwins: true }).anchor(claim);
    expect(search.status === 'orphaned' ? search.bestCandidate : search).toMatchObject({ start: now.indexOf('earners') });
    expect(createAnchorer(now, { checkTwins: true, previousText: before }).anchor(claim)).toMatchObject({
      status: 'relocated',
      ...at(now, 'in during income opponent'),
      review: ['quote-changed'],
    });
  });

  it('moved with its paragraph and reworded on the way: placed for review where the paragraph went', () => {
    const paragraph =
      'The authority said the plan would protect jobs in the harbour district for a decade. Its chairman told the regional assembly that the cranes would be replaced in stages.';
    const long =
      'Shipping lines began diverting vessels to a neighbouring port. Freight rates on the northern route rose by a fifth within a week. Exporters of timber and grain said they could not wait for the dispute to end, and several asked the government to step in before the harvest.';
    const before = `The port authority met the unions on Monday.\n\n${paragraph}\n\n${long}`;
    const phrase = 'the plan would protect jobs in the harbour district';
    const claim = describeRange(before, before.indexOf(phrase), before.indexOf(phrase) + phrase.length);
    const rewritten = paragraph.replace(
      `The authority said ${phrase} for a decade`,
      'The worried minister said vessel negotiated project month Thursday in the winter district over a decade',
    );
    const now = `The port authority met the unions on Monday.\n\n${long}\n\n${rewritten}`;
    expect(createAnchorer(now, { checkTwins: true, previousText: before }).anchor(claim)).toMatchObject({
      status: 'relocated',
      ...at(now, 'vessel negotiated project month Thursday in the winter district'),
      review: ['quote-changed'],
    });
    expect(createAnchorer(now, { checkTwins: true }).anchor(claim).status).toBe('orphaned');
  });

  it("trusted by the search on a changed quote the edit puts elsewhere: asked, on the edit's stretch", () => {
    const before =
      "In Tessin, several members of the governing party have said they will vote against the treaty unless the minimum summer flow is raised to 45 per cent.\n\nA joint commission will monitor the river's flow.";
    const phrase = 'the minimum summer flow is';
    const claim = describeRange(before, before.indexOf(phrase), before.indexOf(phrase) + phrase.length);
    const now = before.replace(
      'the governing party have said they will vote against the treaty unless the minimum summer flow is raised to 45 per cent',
      "the director party have unlikely they will vote against the treaty unless denied the minimum summer flow mayor's is raised to 45 rally Liberal",
    );
    // The words alone: trusted, one word too early ("denied" took the place of nothing, "mayor" of "is").
    expect(createAnchorer(now, { checkTwins: true }).anchor(claim)).toEqual({
      status: 'relocated',
      ...at(now, 'denied the minimum summer flow mayor'),
      score: expect.any(Number),
    });
    expect(createAnchorer(now, { checkTwins: true, previousText: before }).anchor(claim)).toMatchObject({
      status: 'relocated',
      ...at(now, "the minimum summer flow mayor's is"),
      review: ['quote-changed'],
    });
  });

  it("a trusted placement under half the claim's length (its other words deleted) is asked, with or without the previous revision", () => {
    const before =
      'Officials said the assessment is approved.\n\nThe agreement must still be ratified by both parliaments. In Arveland, the ruling coalition holds a comfortable majority. In Tessin, several members of the governing party object.';
    const phrase = 'In Arveland';
    const claim = describeRange(before, before.indexOf(phrase), before.indexOf(phrase) + phrase.length);
    const now = before.replace('In Arveland, the ruling coalition holds a comfortable majority', 'In , the ruling coalition holds main town');
    for (const options of [{ checkTwins: true }, { checkTwins: true, previousText: before }]) {
      expect(createAnchorer(now, options).anchor(claim)).toMatchObject({
        status: 'relocated',
        ...at(now, 'In ,'),
        end: now.indexOf('In ,') + 2,
        review: ['quote-changed'],
      });
    }
  });
});
