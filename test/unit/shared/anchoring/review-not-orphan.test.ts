/**
 * Issue 18, third round: a claim whose text is still there, rewritten past half its wording, is
 * placed for the analyst to check rather than orphaned, when a trace of both recorded neighbours
 * stands around it and no other place comes close. Never trusted, and one-sided or split evidence
 * still orphans.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange } from '../../../../shared/anchoring';

const filler = 'Markets were calm and the weather was fine for most of the week in both capitals. '.repeat(3);
const quote = 'the port authority said the new cranes would cut waiting times for container ships by a third';
const text = `${filler}On Tuesday ${quote}, according to its annual report. ${filler}`;
const at = text.indexOf(quote);
const target = describeRange(text, at, at + quote.length);
// Fewer than half of its characters and words kept (a third of its words still stand, in order).
const rewritten = 'harbour chiefs claimed that new machinery would cut the waits of cargo boats by a third';
// Under a third of its words left.
const gone = 'harbour chiefs claimed that new machinery would reduce the waits of cargo boats by a third';

describe('a claim rewritten past half its wording', () => {
  it('with both neighbours partly kept and no rival: placed on the rewritten stretch, flagged quote-changed', () => {
    const revised = `${filler}Last Tuesday ${rewritten}, according to the yearly report. ${filler}`;
    const result = anchorTarget(revised, target);
    expect(result).toEqual({
      status: 'relocated',
      start: revised.indexOf(rewritten),
      end: revised.indexOf(rewritten) + rewritten.length,
      score: expect.any(Number),
      review: ['quote-changed'],
    });
  });

  it('with only one neighbour left (the other replaced outright): still orphaned, the stretch offered', () => {
    const revised = `${filler}On Tuesday ${rewritten}; the agency declined to comment further. ${filler}`;
    const result = anchorTarget(revised, target);
    expect(result.status).toBe('orphaned');
    if (result.status === 'orphaned') expect(result.bestCandidate).not.toBeNull();
  });

  it('with the same rewritten passage twice, equally placed: a coin toss, left to the orphan review', () => {
    const passage = `Last Tuesday ${rewritten}, according to the yearly report.`;
    const revised = `${filler}${passage} ${filler}${passage} ${filler}`;
    expect(anchorTarget(revised, target).status).toBe('orphaned');
  });

  it('a claim that opened the article (no recorded prefix): text now before it is no neighbour, still at the start it is', () => {
    const lead = `${quote}, according to its annual report. ${filler}`;
    const leadTarget = describeRange(lead, 0, quote.length);
    expect(leadTarget.quote.prefix).toBe('');
    const moved = `The editor added an opening line. ${rewritten}, according to the yearly report. ${filler}`;
    expect(anchorTarget(moved, leadTarget).status).toBe('orphaned');
    const still = `${rewritten}, according to the yearly report. ${filler}`;
    expect(anchorTarget(still, leadTarget)).toMatchObject({ status: 'relocated', start: 0, end: rewritten.length, review: ['quote-changed'] });
  });
});

describe('a verbatim copy with none of the old surroundings, against an edited stretch that has more of them', () => {
  const quote = 'Wang Yi said the next round of talks would be held in Beijing in the spring';
  const text = `${filler}The talks began on Monday. ${quote}, officials on both sides confirmed. Trade was not on the agenda.\n\n${filler}`;
  const claim = describeRange(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
  const edited = 'Wang Yi said another session of negotiations might take place in Beijing in the spring';

  it('neighbours reworded too (none verbatim), the old words pulled out as a quote above: placed on the edited stretch, asked', () => {
    const revised = `"${quote}"\n\n${filler}The negotiations opened on Monday. ${edited}, officials from both sides said. Trade was not on the table.\n\n${filler}`;
    const result = anchorTarget(revised, claim);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(edited), end: revised.indexOf(edited) + edited.length });
    expect(result.status !== 'orphaned' && result.review).toEqual(expect.arrayContaining(['ambiguous']));
  });

  it('the claim deleted with its sentence, the pull-quote left: orphaned, the copy offered, not moved to unrelated text', () => {
    // The very words set as a paragraph of their own (quote marks around them), where the claim
    // was part of a paragraph, with none of its old neighbours: new text quoting the claim.
    const revised = `"${quote}"\n\n${filler}The negotiations opened on Monday. Trade was not on the table.\n\n${filler}`;
    const result = anchorTarget(revised, claim);
    expect(result).toMatchObject({
      status: 'orphaned',
      bestCandidate: { start: revised.indexOf(quote), end: revised.indexOf(quote) + quote.length },
    });
  });
});

describe('a sentence rewritten past half its wording in place (with the previous revision)', () => {
  const inPlace = `${filler}On Tuesday ${rewritten}, according to its annual report. ${filler}`;
  const span = (t: string) => ({ start: t.indexOf(rewritten), end: t.indexOf(rewritten) + rewritten.length });

  it('both neighbours verbatim, the wider surroundings intact, no rival: trusted', () => {
    const result = anchorTarget(inPlace, target, { previousText: text });
    expect(result).toMatchObject({ status: 'relocated', ...span(inPlace) });
    expect(result.status !== 'orphaned' && result.review).toBeUndefined();
  });

  it('keeping under a third of its words, though everything else speaks for the place: placed but asked (quote-changed)', () => {
    const replaced = inPlace.replace(rewritten, gone);
    expect(anchorTarget(replaced, target, { previousText: text })).toMatchObject({
      status: 'relocated',
      start: replaced.indexOf(gone),
      end: replaced.indexOf(gone) + gone.length,
      review: ['quote-changed'],
    });
  });

  it('without the previous revision, or with the wider surroundings rewritten too: placed but asked (quote-changed)', () => {
    expect(anchorTarget(inPlace, target)).toMatchObject({ status: 'relocated', ...span(inPlace), review: ['quote-changed'] });
    const newLead = 'A different opening now tells of a strike at the docks that lasted for several weeks and of the losses it caused. '.repeat(2);
    const elsewhere = `${newLead}Ministers met during the week in both capitals. On Tuesday ${rewritten}, according to its annual report. Later a new paragraph followed about other things entirely, and it went on.`;
    expect(anchorTarget(elsewhere, target, { previousText: text })).toMatchObject({
      status: 'relocated',
      ...span(elsewhere),
      review: ['quote-changed'],
    });
  });
});
