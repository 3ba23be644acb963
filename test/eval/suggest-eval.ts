// `npm run eval:suggest -- DIR [--overlap 0.5] [--errors N]`: scores the claim suggester on a
// folder of brat attribution annotations (DIR/text/NAME.txt, DIR/attributions/NAME_*.ann, as in
// PolNeAR). Prints content precision and recall at the overlap threshold (IoU of character
// ranges, one suggestion matches at most one gold attribution), recall on speech cues and on all
// attributions, source accuracy among matched pairs, and time per 1,000 words.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isSpeechCueText } from '../../electron/core/suggest/cues';
import { suggestAttributions } from '../../electron/core/suggest/suggest';
import { tokenize } from '../../electron/core/suggest/tokenize';
import { overlapRatio, parseBrat, touches, type GoldAttribution } from './brat';
import type { SuggestedAttribution } from '../../shared/model/suggestion';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir) {
  console.error(
    'usage: npm run eval:suggest -- DIR [--overlap 0.5] [--errors N]\n  DIR holds text/ and attributions/ (brat), e.g. ../shared/fixtures/attribution/polnear/dev',
  );
  process.exit(2);
}
const threshold = Number(option('--overlap') ?? '0.5');
const showErrors = Number(option('--errors') ?? '0');
const textDir = path.join(dir, 'text');
const annDir = path.join(dir, 'attributions');
if (!existsSync(textDir) || !existsSync(annDir)) {
  console.error(`${dir}: expected folders text/ and attributions/ inside it (brat format, see the PolNeAR README)`);
  process.exit(2);
}
const annFiles = readdirSync(annDir)
  .filter((f) => f.endsWith('.ann'))
  .sort();

interface Counts {
  suggestions: number;
  matched: number;
  matchedSpeech: number;
  gold: number;
  goldSpeech: number;
  sourceChecked: number;
  sourceRight: number;
  sourceless: number;
}
const counts: Counts = { suggestions: 0, matched: 0, matchedSpeech: 0, gold: 0, goldSpeech: 0, sourceChecked: 0, sourceRight: 0, sourceless: 0 };
const perPattern = new Map<string, { n: number; right: number }>();
let words = 0;
let articles = 0;
let millis = 0;
const falsePositives: string[] = [];
const misses: string[] = [];

// The model loads once (its load time is printed apart) and the first call compiles the code:
// neither is per-article work, so both happen before the clock runs.
const loadStart = performance.now();
tokenize('Warm up the model.');
const loadMillis = performance.now() - loadStart;
const firstText = readdirSync(textDir).find((f) => f.endsWith('.txt'));
if (firstText) suggestAttributions(readFileSync(path.join(textDir, firstText), 'utf8'));
for (const file of readdirSync(textDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const name = file.slice(0, -4);
  const ann = annFiles.find((f) => f.startsWith(`${name}_`)); // one annotator per article: the first
  if (!ann) continue;
  const text = readFileSync(path.join(textDir, file), 'utf8');
  const { attributions: gold } = parseBrat(readFileSync(path.join(annDir, ann), 'utf8'));
  articles++;
  words += text.split(/\s+/).filter(Boolean).length;
  const t0 = performance.now();
  const found = suggestAttributions(text);
  millis += performance.now() - t0;

  // Greedy one-to-one matching by overlap, best pairs first.
  const pairs: { s: number; g: number; iou: number }[] = [];
  found.forEach((s, si) =>
    gold.forEach((g, gi) => {
      const iou = overlapRatio(s.content.start, s.content.end, g.content);
      if (iou >= threshold) pairs.push({ s: si, g: gi, iou });
    }),
  );
  pairs.sort((a, b) => b.iou - a.iou);
  const sTaken = new Map<number, number>();
  const gTaken = new Set<number>();
  for (const p of pairs) {
    if (sTaken.has(p.s) || gTaken.has(p.g)) continue;
    sTaken.set(p.s, p.g);
    gTaken.add(p.g);
  }
  counts.suggestions += found.length;
  counts.gold += gold.length;
  gold.forEach((g, gi) => {
    const speech = isSpeechCueText(g.cueText);
    if (speech) counts.goldSpeech++;
    if (gTaken.has(gi)) {
      counts.matched++;
      if (speech) counts.matchedSpeech++;
    } else if (speech && misses.length < showErrors * 4) misses.push(describeGold(name, text, g));
  });
  found.forEach((s, si) => {
    const stat = perPattern.get(s.pattern) ?? { n: 0, right: 0 };
    stat.n++;
    const gi = sTaken.get(si);
    if (gi === undefined) {
      if (falsePositives.length < showErrors * 4) falsePositives.push(describeSuggestion(name, text, s));
    } else {
      stat.right++;
      const g = gold[gi]!;
      if (g.source.length > 0) {
        counts.sourceChecked++;
        if (s.source === null) counts.sourceless++;
        const right = s.source
          ? touches(s.source.start, s.source.end, g.source)
          : g.source.some(([a, b]) => text.slice(a, b).includes(s.speaker) || s.speaker.includes(text.slice(a, b)));
        if (right) counts.sourceRight++;
      }
    }
    perPattern.set(s.pattern, stat);
  });
}

function describeGold(name: string, text: string, g: GoldAttribution): string {
  const c = g.content[0]!;
  return `MISS ${name} cue=${JSON.stringify(g.cueText)} content=${JSON.stringify(text.slice(c[0], g.content.at(-1)![1]).slice(0, 160))}`;
}
function describeSuggestion(name: string, text: string, s: SuggestedAttribution): string {
  return `FP ${name} [${s.pattern}] ${s.speaker}: ${JSON.stringify(text.slice(s.content.start, s.content.end).slice(0, 160))}`;
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
// Precision counts a suggestion right when it matches any gold attribution; the strict figure
// counts only matches to speech-cue attributions as right.
const matchedNonSpeech = counts.matched - counts.matchedSpeech;
console.log(`claim suggester on ${dir} (${articles} articles, the first annotator's file of each; ${words} words), overlap >= ${threshold}`);
console.log(`  suggestions ${counts.suggestions}, gold attributions ${counts.gold} (speech cues ${counts.goldSpeech})`);
console.log(`  precision                      ${pct(counts.matched, counts.suggestions)}  (${counts.matched}/${counts.suggestions})`);
console.log(
  `  precision, speech only         ${pct(counts.matchedSpeech, counts.suggestions - matchedNonSpeech)}  (matches to non-speech attributions left out)`,
);
console.log(`  recall, speech attributions    ${pct(counts.matchedSpeech, counts.goldSpeech)}  (${counts.matchedSpeech}/${counts.goldSpeech})`);
console.log(`  recall, all attributions       ${pct(counts.matched, counts.gold)}  (${counts.matched}/${counts.gold})`);
console.log(
  `  source accuracy (matched)      ${pct(counts.sourceRight, counts.sourceChecked)}  (${counts.sourceRight}/${counts.sourceChecked}; ${counts.sourceless} floating quotes judged by speaker name)`,
);
console.log(`  time per 1,000 words           ${((millis / words) * 1000).toFixed(1)} ms  (model load ${loadMillis.toFixed(0)} ms, once)`);
console.log(`  by pattern: ${[...perPattern].map(([p, s]) => `${p} ${s.right}/${s.n}`).join(', ')}`);
for (const line of [...falsePositives, ...misses]) console.log(line);
