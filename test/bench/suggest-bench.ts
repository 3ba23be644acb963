// Claim suggester speed: `node --import tsx test/bench/suggest-bench.ts [--json] [--quick]`.
// The seed story repeated into one long article (about 100,000 words; 10,000 with --quick) and
// the story on its own, many times. Baseline in the same run: wink-nlp's sentences, tokens and
// tags alone (the floor the rules sit on). Target (issue 12): under 50 ms per 1,000 words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { suggestAttributions } from '../../electron/core/suggest/suggest';
import { tokenize } from '../../electron/core/suggest/tokenize';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' } } });
const story = readFileSync(path.join(ROOT, 'resources/sample/us-china-talks-2024.txt'), 'utf8');
const storyWords = story.split(/\s+/).filter(Boolean).length;
const copies = Math.ceil((values.quick ? 10_000 : 100_000) / storyWords);
const long = Array.from({ length: copies }, () => story).join('\n\n');
const longWords = storyWords * copies;

const loadStart = performance.now();
tokenize('The model loads once.');
const loadMs = performance.now() - loadStart;
suggestAttributions(story); // compiles the code before the clock runs

function perThousand(work: () => void, words: number, rounds: number): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return (times[Math.floor(times.length / 2)]! / words) * 1000;
}

const heapBefore = process.memoryUsage().heapUsed;
const suggestions = suggestAttributions(long).length;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 ** 2;
const figures = {
  suggest_model_load_ms: Math.round(loadMs),
  suggest_long_article_words: longWords,
  suggest_long_article_suggestions: suggestions,
  suggest_long_ms_per_1000_words: perThousand(() => suggestAttributions(long), longWords, 3),
  suggest_baseline_tokenize_long_ms_per_1000_words: perThousand(() => tokenize(long), longWords, 3),
  suggest_story_ms_per_1000_words: perThousand(() => suggestAttributions(story), storyWords, 50),
  suggest_long_heap_growth_mb: Math.round(heapMb),
};
if (values.json) console.log(JSON.stringify(figures));
else {
  const f = figures;
  console.log(`model load (once)                 ${f.suggest_model_load_ms} ms`);
  console.log(`long article (${f.suggest_long_article_words} words, ${f.suggest_long_article_suggestions} suggestions)`);
  console.log(`  suggester                       ${f.suggest_long_ms_per_1000_words.toFixed(1)} ms per 1,000 words (target < 50)`);
  console.log(
    `  baseline: wink tokens and tags  ${f.suggest_baseline_tokenize_long_ms_per_1000_words.toFixed(1)} ms per 1,000 words (rules cost ×${(f.suggest_long_ms_per_1000_words / f.suggest_baseline_tokenize_long_ms_per_1000_words).toFixed(2)})`,
  );
  console.log(`seed story (${storyWords} words)           ${f.suggest_story_ms_per_1000_words.toFixed(1)} ms per 1,000 words`);
  console.log(`heap growth, long article         ${f.suggest_long_heap_growth_mb} MB (before collection)`);
}
