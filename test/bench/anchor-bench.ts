// Re-anchoring accuracy and speed: `node --import tsx test/bench/anchor-bench.ts [--json]
// [--quick] [--revisions N] [--seed N] [--polnear DIR]`.
//
// Accuracy: claims (sentences, clauses, quoted speech, 2–8-word phrases) are picked in the
// articles of test/fixtures/anchoring; for each edit class, revisions are generated
// (test/bench/anchor-edits.ts) around one focus claim, whose true place in the revision is known
// from the generator's offset map. Each focus claim is re-anchored by Stancebook
// (shared/anchoring) and by a re-implementation of the Hypothesis client's algorithm
// (test/bench/hypothesis-anchoring.ts), and counted as:
// - right: placed without a doubt flag on the true span (character overlap / union ≥ 0.8), or
//   orphaned when the claim's text was deleted;
// - silently wrong: placed without a doubt flag anywhere else (or placed when the text is gone);
// - missed: orphaned although the claim is still there;
// - flagged: placed as needs-review (the analyst is asked; "on span" says how many were right).
// Two measures are printed side by side: strict (right as above) and the issue's (on the true
// span whether flagged or not, or orphaned when deleted); silently wrong is the same in both, and
// "review" (the share flagged) is the review load the analyst pays for the second. Beside them,
// "corrected": the same where a claim keeping under a third of its words on its true span counts
// as rewritten past recognition (rewrittenPastRecognition in anchor-edits.ts: right when orphaned
// or, by the issue's measure, flagged on that span; silently wrong when placed with no flag).
// The cases not right are sorted per half: missed, wrong place, boundary, truth rewritten past
// recognition (ANCHOR_BENCH_SAMPLES=N prints N per class of the calibration half).
// With --polnear DIR (or when the shared PolNeAR fixture is found beside the project) the same is
// run over that corpus of real news, with its annotated attribution contents as the claims: text
// no one here wrote or tuned on, reported as a second table.
//
// Each corpus is split in two halves by article: the anchoring's thresholds were set on the
// calibration half only; the held-out half is printed apart (docs/decisions/0013).
// ANCHOR_BENCH_DUMP=file.json writes the evidence behind every decision (ANCHOR_BENCH_DUMP_TEXTS=1
// adds the revisions); ANCHOR_BENCH_FAILURES=N lists the first N cases not right.
// For iterating: ANCHOR_BENCH_CLASSES=combined,heavy rewording runs only those classes (each class
// has its own seed, so its revisions are the same as in a full run) and ANCHOR_BENCH_CORPUS=own or
// polnear only that corpus; with --no-speed the speed part is skipped.
//
// Speed: a 500 kB article of 5,000 claims after an edit that shifts every claim and touches one
// in ten: the whole notebook's re-anchoring (`reanchorClaims`), against normalising the text
// once (the floor) and against Hypothesis on a sample of the same claims.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnchorer, describeRange, normalizeText, reanchorClaims } from '../../shared/anchoring';
import { editDistance } from '../../shared/anchoring/edit-distance';
import { wordSimilarity } from '../../shared/anchoring/word-similarity';
import type { AnchorEvidence } from '../../shared/anchoring/anchor-target';
import type { ClaimTarget } from '../../shared/model/claim';
import {
  EDIT_CLASSES,
  applyEdit,
  iou,
  pickClaims,
  seededRandom,
  sentences,
  track,
  rewrittenPastRecognition,
  trueSpan,
  words,
  wordsStanding,
  type EditClass,
  type Span,
} from './anchor-edits';
import { hypothesisAnchor } from './hypothesis-anchoring';
import { revisionMap } from '../../shared/anchoring/revision-diff';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    quick: { type: 'boolean' },
    revisions: { type: 'string' },
    polnear: { type: 'string' },
    'no-speed': { type: 'boolean' },
    seed: { type: 'string' },
  },
});
// 800 revisions per class and corpus (about 400 per half): with 100 per half, one case is 1 %,
// too coarse to tell 0.2 % silently wrong overall or 1 % per class (decision 0013, sixth round).
const REVISIONS = Number(values.revisions ?? (values.quick ? 40 : 800));
// --seed N: other revisions of the same articles (N = 0, the default, gives the revisions the
// thresholds were calibrated against; any other N gives revisions no rule was ever looked at with).
const SEED = Number(values.seed ?? 0);
const RIGHT_IOU = 0.8;
const dump: unknown[] | undefined = process.env.ANCHOR_BENCH_DUMP ? [] : undefined;
const ONLY_CLASSES = process.env.ANCHOR_BENCH_CLASSES ? new Set(process.env.ANCHOR_BENCH_CLASSES.split(',').map((k) => k.trim())) : undefined;
const ONLY_CORPUS = process.env.ANCHOR_BENCH_CORPUS;

type Outcome = 'right' | 'wrong' | 'missed' | 'flagged';
interface Tally {
  n: number;
  right: number;
  wrong: number;
  missed: number;
  flagged: number;
  flaggedOnSpan: number;
}
const emptyTally = (): Tally => ({ n: 0, right: 0, wrong: 0, missed: 0, flagged: 0, flaggedOnSpan: 0 });

function judge(truth: Span | null, placed: Span | null, flagged: boolean): { outcome: Outcome; onSpan: boolean } {
  const onSpan = truth !== null && placed !== null && iou(truth, placed) >= RIGHT_IOU;
  if (placed === null) return { outcome: truth === null ? 'right' : 'missed', onSpan: false };
  if (flagged) return { outcome: 'flagged', onSpan };
  return { outcome: onSpan ? 'right' : 'wrong', onSpan };
}

/**
 * The same under the corrected rule for a claim rewritten past recognition (under a third of its
 * words still stand on its true span, see rewrittenPastRecognition): orphaned is right, placed for
 * review on that span is right by the issue's measure, and placed with no flag is silently wrong
 * wherever it is. Other claims are judged as above.
 */
function judgeCorrected(truth: Span | null, placed: Span | null, flagged: boolean, rewritten: boolean): { outcome: Outcome; onSpan: boolean } {
  if (!rewritten) return judge(truth, placed, flagged);
  const onSpan = truth !== null && placed !== null && iou(truth, placed) >= RIGHT_IOU;
  if (placed === null) return { outcome: 'right', onSpan: false };
  return flagged ? { outcome: 'flagged', onSpan } : { outcome: 'wrong', onSpan };
}

function add(t: Tally, r: { outcome: Outcome; onSpan: boolean }): void {
  t.n += 1;
  t[r.outcome] += 1;
  if (r.outcome === 'flagged' && r.onSpan) t.flaggedOnSpan += 1;
}

interface Article {
  name: string;
  text: string;
  /** Claims as spans of the text; from the generator or from annotations. */
  claims: Span[];
}

interface Failure {
  article: string;
  kind: EditClass;
  quote: string;
  outcome: Outcome;
}

/**
 * A case not right by the issue's measure (missed, flagged on other text, or silently wrong),
 * kept to be read by eye (ANCHOR_BENCH_SAMPLES) and to tell how much of the claim's wording the
 * generator's true span still holds: a claim whose words were nearly all swapped for others
 * still has a true span (swapped-in words inherit the old offsets), though an analyst could not
 * call it the same claim.
 */
interface Miss {
  half: 'calibration' | 'heldOut';
  kind: EditClass;
  label: 'missed' | 'flagged elsewhere' | 'flagged, deleted' | 'silently wrong';
  /** The better of character and word similarity of the true span to the old quote (null: deleted). */
  kept: number | null;
  /** The share of the claim's words still standing, in order, in the true span (null: deleted). */
  wordsKept: number | null;
  /** Overlap / union of the placed (or offered) stretch with the true span (0 when either is missing). */
  overlap: number;
  quote: string;
  truth: string;
  placed: string;
}

const similarity = (a: string, b: string): number => Math.max(1 - editDistance(a, b) / Math.max(1, a.length, b.length), wordSimilarity(a, b));

/** Tallies per edit class, ours and Hypothesis', for one half of a corpus. */
interface Half {
  ours: Map<EditClass, Tally>;
  /** Ours under the corrected rule for claims rewritten past recognition (judgeCorrected). */
  corrected: Map<EditClass, Tally>;
  hyp: Map<EditClass, Tally>;
  hypCorrected: Map<EditClass, Tally>;
}
const tallies = () => new Map<EditClass, Tally>(EDIT_CLASSES.map((k) => [k, emptyTally()]));
const emptyHalf = (): Half => ({ ours: tallies(), corrected: tallies(), hyp: tallies(), hypCorrected: tallies() });

/**
 * Runs the edit classes over a corpus. The articles are split in two halves (even and odd
 * positions): the anchoring's thresholds were calibrated on the first (`calibration`), and the
 * second (`heldOut`) is the honest figure. `all` is both.
 */
function runCorpus(articles: Article[], revisionsPerClass: number, seed: number) {
  const halves = { calibration: emptyHalf(), heldOut: emptyHalf() };
  const ours = tallies();
  const corrected = tallies();
  const hyp = tallies();
  const hypCorrected = tallies();
  const failures: Failure[] = [];
  const misses: Miss[] = [];
  // Sentences for insertions come from the other articles (as EditContext says): a sentence of the
  // claim's own article inserted again would be a verbatim copy of it, the near-duplicate class's job.
  const own = articles.map((a) =>
    sentences(a.text)
      .map((s) => a.text.slice(s.start, s.end))
      .filter((s) => s.length > 30 && s.length < 300 && !s.includes('\n')),
  );
  const spareFor = (i: number) => own.flatMap((list, j) => (j === i ? [] : list));
  const spares = new Map<number, string[]>();
  const vocabulary = [...new Set(articles.flatMap((a) => words(a.text).map((w) => a.text.slice(w.start, w.end))))].filter((w) => w.length > 2);
  for (const kind of EDIT_CLASSES) {
    if ((ONLY_CLASSES && !ONLY_CLASSES.has(kind)) || articles.length === 0) continue;
    const random = seededRandom(seed + EDIT_CLASSES.indexOf(kind) * 7919);
    for (let r = 0; r < revisionsPerClass; r += 1) {
      const article = articles[r % articles.length]!;
      const half = (r % articles.length) % 2 === 0 ? halves.calibration : halves.heldOut;
      if (article.claims.length === 0) continue;
      const claim = article.claims[Math.floor(random() * article.claims.length)]!;
      let target: ClaimTarget;
      try {
        target = describeRange(article.text, claim.start, claim.end);
      } catch {
        continue;
      }
      const index = r % articles.length;
      if (!spares.has(index)) spares.set(index, spareFor(index));
      const doc = applyEdit(kind, track(article.text), { random, claim, spare: spares.get(index)!, vocabulary }, article.text);
      const truth = trueSpan(doc, claim.start, claim.end);
      let evidence: AnchorEvidence | undefined;
      const result = createAnchorer(doc.text, { checkTwins: true, previousText: article.text, explain: (e) => (evidence = e) }).anchor(target);
      if (dump && evidence)
        dump.push({
          kind,
          article: article.name,
          half: half === halves.calibration ? 'calibration' : 'heldOut',
          truth,
          evidence,
          onSpan: truth !== null && evidence.best !== null && iou(truth, evidence.best) >= RIGHT_IOU,
          rivalOnSpan: truth !== null && evidence.rival !== null && iou(truth, evidence.rival) >= RIGHT_IOU,
          target: target.quote,
          around: evidence.best ? doc.text.slice(Math.max(0, evidence.best.start - 60), evidence.best.end + 60) : '',
          truthText: truth ? doc.text.slice(Math.max(0, truth.start - 60), truth.end + 60) : '',
          ...(process.env.ANCHOR_BENCH_DUMP_TEXTS ? { revision: doc.text, previous: article.text, fullTarget: target } : {}),
        });
      const placed = result.status === 'orphaned' ? null : { start: result.start, end: result.end };
      const verdict = judge(truth, placed, result.status !== 'orphaned' && result.review !== undefined);
      add(ours.get(kind)!, verdict);
      add(half.ours.get(kind)!, verdict);
      const rewritten = truth !== null && rewrittenPastRecognition(target.quote.exact, doc.text.slice(truth.start, truth.end));
      const flagged = result.status !== 'orphaned' && result.review !== undefined;
      add(corrected.get(kind)!, judgeCorrected(truth, placed, flagged, rewritten));
      add(half.corrected.get(kind)!, judgeCorrected(truth, placed, flagged, rewritten));
      const issueRight = verdict.outcome === 'right' || (verdict.outcome === 'flagged' && verdict.onSpan);
      if (!issueRight) {
        const label: Miss['label'] =
          verdict.outcome === 'missed'
            ? 'missed'
            : verdict.outcome === 'wrong'
              ? 'silently wrong'
              : truth === null
                ? 'flagged, deleted'
                : 'flagged elsewhere';
        const show = (span: Span | null) =>
          span
            ? `${doc.text.slice(Math.max(0, span.start - 40), span.start)}[[${doc.text.slice(span.start, span.end)}]]${doc.text.slice(span.end, span.end + 40)}`
            : '(none)';
        misses.push({
          half: half === halves.calibration ? 'calibration' : 'heldOut',
          kind,
          label,
          kept: truth ? similarity(target.quote.exact, doc.text.slice(truth.start, truth.end)) : null,
          wordsKept: truth ? wordsStanding(target.quote.exact, doc.text.slice(truth.start, truth.end)) : null,
          overlap: truth && placed ? iou(truth, placed) : 0,
          quote: target.quote.exact,
          truth: truth ? show(truth) : '(deleted)',
          placed: show(placed ?? (evidence?.best ? { start: evidence.best.start, end: evidence.best.end } : null)),
        });
      }
      if (verdict.outcome !== 'right') {
        const detail =
          result.status === 'orphaned' ? `score ${result.score.toFixed(2)}` : `score ${result.score.toFixed(2)} ${result.review?.join(',') ?? ''}`;
        failures.push({
          article: article.name,
          kind,
          quote: `${detail} ${JSON.stringify(target.quote.exact.slice(0, 60))}`,
          outcome: verdict.outcome,
        });
      }
      const theirPlace = hypothesisAnchor(doc.text, target);
      const theirs = judge(truth, theirPlace, false);
      add(hypCorrected.get(kind)!, judgeCorrected(truth, theirPlace, false, rewritten));
      add(half.hypCorrected.get(kind)!, judgeCorrected(truth, theirPlace, false, rewritten));
      add(hyp.get(kind)!, theirs);
      add(half.hyp.get(kind)!, theirs);
    }
  }
  const all: Half = { ours, corrected, hyp, hypCorrected };
  return { ...all, failures, halves, misses };
}

const pct = (x: number, n: number) => (n === 0 ? '   -  ' : `${((100 * x) / n).toFixed(1).padStart(5)}%`);

function total(m: Map<EditClass, Tally>): Tally {
  const t = emptyTally();
  for (const v of m.values()) {
    t.n += v.n;
    t.right += v.right;
    t.wrong += v.wrong;
    t.missed += v.missed;
    t.flagged += v.flagged;
    t.flaggedOnSpan += v.flaggedOnSpan;
  }
  return t;
}

/**
 * Two measures side by side. Strict: right = on the true span with no review flag (or orphaned
 * when the text was deleted). The issue's: right = on the true span, flagged for review or not
 * (or orphaned when deleted); silently wrong is the same in both (placed elsewhere, no flag).
 * "Review" is the review load: the share placed but flagged, right or not (flagging everything
 * is no solution), and "off span" the flagged placements on the wrong text. Then the same three
 * figures under the corrected rule for claims rewritten past recognition (judgeCorrected), and
 * Hypothesis under the generator's rule and the corrected one.
 */
function printTable(title: string, t: Omit<Half, never>): void {
  console.log(`\n${title}`);
  console.log(
    `${'edit class'.padEnd(18)} ${'n'.padStart(5)} | ours: ${'strict'.padStart(6)} ${'issue'.padStart(6)} ${'s.wrong'.padStart(7)} ${'missed'.padStart(6)} ${'review'.padStart(6)} ${'offspan'.padStart(7)} | corrected: ${'strict'.padStart(6)} ${'issue'.padStart(6)} ${'s.wrong'.padStart(7)} | Hypothesis: ${'right'.padStart(6)} ${'wrong'.padStart(6)} ${'missed'.padStart(6)} | corrected: ${'right'.padStart(6)} ${'wrong'.padStart(6)}`,
  );
  const row = (k: EditClass) => [k, t.ours.get(k)!, t.corrected.get(k)!, t.hyp.get(k)!, t.hypCorrected.get(k)!] as const;
  const rows = [...EDIT_CLASSES.map(row), ['overall', total(t.ours), total(t.corrected), total(t.hyp), total(t.hypCorrected)] as const];
  for (const [name, o, c, h, hc] of rows) {
    console.log(
      `${name.padEnd(18)} ${String(o.n).padStart(5)} |       ${pct(o.right, o.n)} ${pct(o.right + o.flaggedOnSpan, o.n)} ${pct(o.wrong, o.n).padStart(7)} ${pct(o.missed, o.n)} ${pct(o.flagged, o.n)} ${pct(o.flagged - o.flaggedOnSpan, o.n).padStart(7)} |            ${pct(c.right, c.n)} ${pct(c.right + c.flaggedOnSpan, c.n)} ${pct(c.wrong, c.n).padStart(7)} |             ${pct(h.right, h.n)} ${pct(h.wrong, h.n)} ${pct(h.missed, h.n)} |            ${pct(hc.right, hc.n)} ${pct(hc.wrong, hc.n)}`,
    );
  }
}

/**
 * What the cases not right by the issue's measure are: per class, how many, and how many of them
 * have a true span that keeps under half of the claim's wording (character and word similarity
 * both below 0.5: rewritten past recognition). With ANCHOR_BENCH_SAMPLES=N, up to N of each
 * class's cases from the calibration half are printed to be read by eye.
 */
/** Where a case not right by the issue's measure falls in the failure sort (see printMisses). */
function missSort(m: Miss): 'truth' | 'missed' | 'wrong' | 'boundary' {
  if (m.wordsKept !== null && m.wordsKept < 1 / 3) return 'truth';
  if (m.label === 'missed') return 'missed';
  return m.overlap >= 0.5 ? 'boundary' : 'wrong';
}

function printMisses(title: string, misses: Miss[]): void {
  console.log(
    `\n${title}: cases not right by the issue's measure, and how many of them keep under half the claim's wording where the generator says it went`,
  );
  for (const kind of EDIT_CLASSES) {
    const of = misses.filter((m) => m.kind === kind);
    if (of.length === 0) continue;
    const labels = ['missed', 'flagged elsewhere', 'flagged, deleted', 'silently wrong'] as const;
    const count = (l: Miss['label']) => of.filter((m) => m.label === l).length;
    const gone = of.filter((m) => m.kept !== null && m.kept < 0.5).length;
    console.log(
      `  ${kind.padEnd(18)} ${String(of.length).padStart(4)}: ${labels.map((l) => `${l} ${count(l)}`).join(', ')}; true span keeps < half the wording: ${gone}`,
    );
  }
  // The sort asked for when reading failures: the generator's truth unreasonable (the true span
  // keeps under a third of the claim's words: rewritten past recognition), else missed (orphaned
  // though there), wrong place (placed or flagged on other text, or placed though deleted), or a
  // boundary disagreement (on the claim, overlap / union 0.5–0.8 with the true span).
  for (const half of ['calibration', 'heldOut'] as const) {
    const sort = { truth: 0, missed: 0, wrong: 0, boundary: 0 };
    for (const m of misses.filter((x) => x.half === half)) sort[missSort(m)] += 1;
    console.log(
      `  ${half.padEnd(11)} sorted: (a) missed ${sort.missed}, (b) wrong place ${sort.wrong}, (c) boundary ${sort.boundary}, (d) truth rewritten past recognition ${sort.truth}`,
    );
  }
  const samples = Number(process.env.ANCHOR_BENCH_SAMPLES ?? 0);
  if (samples <= 0) return;
  for (const kind of EDIT_CLASSES) {
    for (const m of misses.filter((x) => x.kind === kind && x.half === 'calibration').slice(0, samples)) {
      const kept =
        m.kept === null ? '' : `, true span keeps ${(100 * m.kept).toFixed(0)} % of the wording (${(100 * m.wordsKept!).toFixed(0)} % of the words)`;
      console.log(`\n  [${kind}] ${m.label} (${missSort(m)})${kept}${m.overlap > 0 ? `, overlap ${m.overlap.toFixed(2)}` : ''}`);
      console.log(`    claim:  ${JSON.stringify(m.quote)}`);
      console.log(`    truth:  ${JSON.stringify(m.truth)}`);
      console.log(`    placed: ${JSON.stringify(m.placed)}`);
    }
  }
}

function ownCorpus(): Article[] {
  const dir = path.join(ROOT, 'test/fixtures/anchoring');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const sample = path.join(ROOT, 'test/fixtures/import/us-china-talks-2024.txt');
  const texts = files.map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
  if (existsSync(sample)) texts.push({ name: 'us-china-talks-2024.txt', text: readFileSync(sample, 'utf8') });
  const random = seededRandom(42);
  return texts.map(({ name, text }) => ({ name, text, claims: pickClaims(text, random, 40) }));
}

/** PolNeAR's attribution contents as claims (one corpus of real news, read in place, never copied). */
function polnearCorpus(dir: string, limit: number): Article[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const ann of anns) {
    const base = ann.replace(/_[^_]+\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    const textFile = readdirSync(textDir).find((f) => f.startsWith(base));
    if (!textFile) continue;
    const text = readFileSync(path.join(textDir, textFile), 'utf8');
    const claims: Span[] = [];
    for (const line of readFileSync(path.join(annDir, ann), 'utf8').split('\n')) {
      const m = /^T\d+\tContent (\d+) (\d+)\t/.exec(line);
      if (!m) continue;
      let start = Number(m[1]);
      let end = Number(m[2]);
      while (start < end && /\s/.test(text.charAt(start))) start += 1;
      while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
      if (end - start >= 8 && end <= text.length) claims.push({ start, end });
    }
    if (claims.length > 0 && text.length > 500) articles.push({ name: textFile, text, claims });
    if (articles.length >= limit) break;
  }
  return articles;
}

function findPolnear(): string | undefined {
  if (values.polnear) return values.polnear;
  for (let dir = ROOT; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/fixtures/attribution/polnear/dev');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function speed() {
  const corpus = ownCorpus();
  const random = seededRandom(7);
  // 500 kB of news prose: the corpus articles again and again, each copy with its numbers and a
  // third of its words swapped for others of the corpus (a different map per copy), so that
  // copies read like prose but are not verbatim twins of each other; short phrases still repeat,
  // as they do in a long report.
  const vocabulary = [...new Set(corpus.flatMap((a) => a.text.match(/[a-z]{4,}/g) ?? []))];
  const parts: string[] = [];
  let size = 0;
  let copy = 0;
  while (size < 500_000) {
    const a = corpus[copy % corpus.length]!;
    const swap = new Map<string, string>();
    for (const w of vocabulary) if (random() < 0.33) swap.set(w, vocabulary[Math.floor(random() * vocabulary.length)]!);
    const varied = a.text.replace(/\b(\d+)\b/g, (d) => String(Number(d) + copy)).replace(/[a-z]{4,}/g, (w) => swap.get(w) ?? w);
    parts.push(`Part ${copy + 1}. ${varied}`);
    size += varied.length + 10;
    copy += 1;
  }
  const text = parts.join('\n\n');
  const claimSpans = pickClaims(text, random, 5000);
  const targets = claimSpans.map((s) => describeRange(text, s.start, s.end));
  // The revision: a paragraph added at the top (every claim shifts) and one claim in ten
  // copy-edited (a word changed inside it).
  let revised = `A new opening paragraph, added by the editor, that moves every claim down the page.\n\n${text}`;
  const shift = revised.length - text.length;
  const touched = [...claimSpans]
    .map((s, i) => ({ s, i }))
    .filter(({ i }) => i % 10 === 0)
    .sort((a, b) => b.s.start - a.s.start);
  for (const { s } of touched) {
    const ws = words(revised, s.start + shift, s.end + shift);
    const w = ws[Math.floor(ws.length / 2)];
    if (w) revised = revised.slice(0, w.start) + 'edited' + revised.slice(w.end);
  }
  // Median of `runs`, wall clock and this process's CPU time (on a loaded, shared machine the
  // wall clock counts other processes' turns too).
  const cpu: number[] = [];
  const time = (work: () => void, runs = 3): number => {
    const ms: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const c = process.cpuUsage();
      const t = performance.now();
      work();
      ms.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpuMs.push((used.user + used.system) / 1000);
    }
    cpu.push(cpuMs.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
    return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  const normalizeMs = time(() => void normalizeText(revised));
  const unchangedMs = time(() => void reanchorClaims(text, targets));
  let placed = 0;
  const reanchorMs = time(() => {
    placed = reanchorClaims(revised, targets, { checkTwins: true, previousText: text }).filter((r) => r.anchor.status !== 'orphaned').length;
  });
  // The diff of the two revisions, made once per revision when a claim first needs it (one the
  // search did not find verbatim; revision-diff.ts); and on a revision with every word swapped, where it runs out of
  // its time budget and is not used.
  const oldNormalized = normalizeText(text).text;
  const newNormalized = normalizeText(revised).text;
  let diffUsable = false;
  const diffMs = time(() => void (diffUsable = revisionMap(oldNormalized, newNormalized) !== undefined));
  const swapped = newNormalized.replace(/[a-z]{4,}/g, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
  let swappedUsable = true;
  const swappedDiffMs = time(() => void (swappedUsable = revisionMap(oldNormalized, swapped) !== undefined), 1);
  const sample = targets.filter((_, i) => i % 10 === 0).slice(0, 50);
  const hypMs = time(() => {
    for (const t of sample) hypothesisAnchor(revised, t);
  }, 1);
  const [normalizeCpuMs, unchangedCpuMs, reanchorCpuMs, diffCpuMs] = cpu;
  return {
    normalizeCpuMs,
    diffCpuMs,
    unchangedCpuMs,
    reanchorCpuMs,
    textKb: Math.round(revised.length / 1000),
    claims: targets.length,
    placed,
    normalizeMs,
    unchangedMs,
    reanchorMs,
    hypothesisPerTouchedClaimMs: hypMs / sample.length,
    diffMs,
    diffUsable,
    swappedDiffMs,
    swappedUsable,
  };
}

function main(): void {
  const own = ownCorpus();
  const result: Record<string, unknown> = {};
  const a = runCorpus(ONLY_CORPUS === 'polnear' ? [] : own, REVISIONS, 1 + SEED * 104_729);
  const withIssue = (t: Tally) => ({ ...t, issueRight: t.right + t.flaggedOnSpan, flaggedOffSpan: t.flagged - t.flaggedOnSpan });
  const report = (m: Map<EditClass, Tally>) =>
    Object.fromEntries([...[...m.entries()].map(([k, t]) => [k, withIssue(t)] as const), ['overall', withIssue(total(m))]]);
  const each = (h: Half) => ({
    ours: report(h.ours),
    corrected: report(h.corrected),
    hypothesis: report(h.hyp),
    hypothesisCorrected: report(h.hypCorrected),
  });
  const halves = (r: ReturnType<typeof runCorpus>) => ({ calibration: each(r.halves.calibration), heldOut: each(r.halves.heldOut) });
  result.anchor_own = {
    articles: own.length,
    claims: own.reduce((n, x) => n + x.claims.length, 0),
    ...each(a),
    ...halves(a),
  };
  const rule = `strict = on the true span (IoU >= ${RIGHT_IOU}) with no review flag, or orphaned when deleted; issue = on the true span flagged or not, or orphaned when deleted; s.wrong = on other text with no flag; missed = orphaned though still there; review = placed but flagged (review load); offspan = flagged on other text; corrected = the same where a claim keeping under a third of its words on its true span counts as rewritten past recognition (right when orphaned, or by the issue's measure flagged on that span; silently wrong when placed with no flag)`;
  if (!values.json && ONLY_CORPUS !== 'polnear') {
    printTable(
      `Re-anchoring after realistic edits: ${own.length} articles of test/fixtures/anchoring, ${REVISIONS} revisions per class (${rule})`,
      a,
    );
    printTable('  calibration half (articles 1, 3, 5: the thresholds were set on these)', a.halves.calibration);
    printTable('  held-out half (articles 2, 4, 6: never tuned on)', a.halves.heldOut);
    printMisses('Own articles', a.misses);
  }
  const polnear = findPolnear();
  if (ONLY_CORPUS === 'own') {
    // PolNeAR left out (ANCHOR_BENCH_CORPUS=own).
  } else if (polnear && existsSync(polnear)) {
    const articles = polnearCorpus(polnear, values.quick ? 20 : 84);
    const p = runCorpus(articles, REVISIONS, 1001 + SEED * 104_729);
    result.anchor_polnear = { articles: articles.length, ...each(p), ...halves(p) };
    if (!values.json) {
      printTable(`The same over PolNeAR dev (${articles.length} real news articles no one here wrote, annotated attribution contents as claims)`, p);
      printTable('  calibration half (odd-numbered articles)', p.halves.calibration);
      printTable('  held-out half (even-numbered articles: never tuned on)', p.halves.heldOut);
      printMisses('PolNeAR dev', p.misses);
    }
  } else if (!values.json) {
    console.log('\n(PolNeAR fixture not found beside the project: the real-news table is skipped)');
  }
  if (process.env.ANCHOR_BENCH_FAILURES && !values.json) {
    console.log('\nCases not right (own corpus): outcome, class, article, our result, quote');
    for (const f of a.failures.slice(0, Number(process.env.ANCHOR_BENCH_FAILURES)))
      console.log(`${f.outcome.padEnd(7)} ${f.kind.padEnd(16)} ${f.article.padEnd(24)} ${f.quote}`);
  }
  if (!values['no-speed']) {
    const s = speed();
    result.anchor_speed = s;
    if (!values.json) {
      console.log(`\nSpeed: ${s.textKb} kB article, ${s.claims} claims, a paragraph added on top and one claim in ten edited (${s.placed} placed)`);
      const cpuOf = (ms: number | undefined) => `(CPU ${ms?.toFixed(0) ?? '?'} ms)`;
      console.log(`  normalise the text once:               ${s.normalizeMs.toFixed(0)} ms ${cpuOf(s.normalizeCpuMs)}`);
      console.log(`  re-anchor all, text unchanged:         ${s.unchangedMs.toFixed(0)} ms ${cpuOf(s.unchangedCpuMs)}`);
      console.log(`  re-anchor all after the edit:          ${s.reanchorMs.toFixed(0)} ms ${cpuOf(s.reanchorCpuMs)}  (target < 1000 ms)`);
      console.log(
        `  diff of the two revisions:             ${s.diffMs.toFixed(0)} ms ${cpuOf(s.diffCpuMs)}  (made once per revision, when a claim first needs it${s.diffUsable ? '' : '; ran out of time, not used'})`,
      );
      console.log(
        `  diff when every longer word changed:   ${s.swappedDiffMs.toFixed(0)} ms  (${s.swappedUsable ? 'used' : 'ran out of its time budget, not used'})`,
      );
      console.log(
        `  Hypothesis, per claim (50 edited ones): ${s.hypothesisPerTouchedClaimMs.toFixed(1)} ms  (x ${s.claims} claims ≈ ${((s.hypothesisPerTouchedClaimMs * s.claims) / 1000).toFixed(1)} s)`,
      );
    }
  }
  if (values.json) console.log(JSON.stringify(result));
  if (dump && process.env.ANCHOR_BENCH_DUMP) writeFileSync(process.env.ANCHOR_BENCH_DUMP, JSON.stringify(dump));
}

main();
