import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../../../electron/core/suggest/suggest';
import { SuggestRunner, SuggestRunnerClosedError, SuggestWorkerError, type SuggestPriority } from '../../../../electron/core/suggest/suggest-runner';
import { suggestRunnerOf } from '../../../../electron/core/suggest/handlers';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';
import { RESOURCES } from '../../helpers/temp-notebook';

// The suggester's text work in its worker thread (electron/core/suggest/suggest-runner.ts). No
// test here waits on time: each waits on the runner's events or on the answers themselves.

const SAMPLE = readFileSync(path.join(RESOURCES, 'sample/us-china-talks-2024.txt'), 'utf8');
const FIXTURES = path.resolve(__dirname, '../../../fixtures/import');

/** Texts the pattern tests use (the sample article, excerpts, an imported brief), and edge cases. */
const TEXTS = [
  SAMPLE,
  '“We will never give up an inch of our territory,” Wang Yi said on Tuesday.',
  'The minister was blunt. “Tariffs hurt farmers on both sides of the Pacific.” Li Qiang said.',
  'Sullivan told reporters:\n\n“We compete, but we will not let competition veer into conflict.”',
  readFileSync(path.join(FIXTURES, 'ceasefire-briefing.md'), 'utf8'),
  '',
  'No one said anything here, and nothing is quoted.',
];

/** What a promise ends with, caught at once (a rejection the test looks at later is not left unhandled meanwhile). */
function outcome<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** The error a promise rejected with (fails the test if it resolved). */
async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const result = await outcome(promise);
  if (!('error' in result)) throw new Error('expected a rejection, got an answer');
  return result.error as Error;
}

const crashingEntry = new URL('./crashing-suggest-worker.mjs', import.meta.url);

describe('the suggester in its worker thread', () => {
  let runner: SuggestRunner | null = null;
  afterEach(async () => {
    await runner?.close();
    runner = null;
  });

  it('gives the same suggestions as the in-thread function, with one worker for every text', async () => {
    runner = new SuggestRunner();
    let workers = 0;
    runner.events.on('worker', () => workers++);
    for (const text of TEXTS) expect(await runner.suggest(text, 'open')).toEqual(suggestAttributions(text));
    expect(suggestAttributions(SAMPLE).length).toBeGreaterThan(3);
    expect(workers).toBe(1);
  });

  it('reads the open article before background articles that were waiting', async () => {
    runner = new SuggestRunner();
    const done: string[] = [];
    const started: SuggestPriority[] = [];
    runner.events.on('start', (_id: number, priority: SuggestPriority) => started.push(priority));
    const ask = (name: string, priority: SuggestPriority) => runner!.suggest(`${SAMPLE}\n${name} said it.`, priority).then(() => done.push(name));
    // The first background article goes to the worker at once; the others wait in their lanes.
    const all = [ask('bg-1', 'background'), ask('bg-2', 'background'), ask('bg-3', 'background'), ask('open', 'open')];
    await Promise.all(all);
    expect(done).toEqual(['bg-1', 'open', 'bg-2', 'bg-3']);
    expect(started).toEqual(['background', 'open', 'background', 'background']);
  });

  it('answers an article that crashes the worker with an error, and starts a new worker for the next', async () => {
    runner = new SuggestRunner({ entry: crashingEntry });
    let workers = 0;
    runner.events.on('worker', () => workers++);
    const before = runner.suggest(SAMPLE, 'background');
    const crash = errorOf(runner.suggest('CRASH', 'background'));
    const after = runner.suggest(SAMPLE, 'background');
    expect(await before).toEqual(suggestAttributions(SAMPLE));
    const error = await crash;
    expect(error).toBeInstanceOf(SuggestWorkerError);
    expect(error.message).toMatch(/exit code 7.*goes on with the next article/);
    expect(await after).toEqual(suggestAttributions(SAMPLE));
    expect(workers).toBe(2);
  });

  it('refuses queued texts and cancels the one in the worker when closed, and takes no more', async () => {
    runner = new SuggestRunner();
    const started = once(runner.events, 'start');
    const running = errorOf(runner.suggest(SAMPLE, 'background'));
    const queued = errorOf(runner.suggest(SAMPLE, 'open'));
    await started;
    await runner.close();
    expect(await running).toBeInstanceOf(SuggestRunnerClosedError);
    expect((await running).message).toMatch(/closed while the suggester read this article/);
    expect((await queued).message).toMatch(/closed before the suggester read this article/);
    await expect(runner.suggest(SAMPLE, 'open')).rejects.toThrow(SuggestRunnerClosedError);
  });
});

describe('suggestions in a notebook, from the worker', () => {
  let nb: AnnotateFixture;
  afterEach(() => nb.cleanup());

  const suggestionFiles = () => {
    const dir = path.join(nb.dir, 'suggestions');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  it('closing the notebook while the worker reads an article cancels it and writes no file, half or whole', async () => {
    nb = await openAnnotateFixture();
    const runner = suggestRunnerOf(nb.core.context)!;
    expect(runner).not.toBeNull();
    const started = once(runner.events, 'start');
    const asked = errorOf(nb.core.handlers.getSuggestions({ articleId: nb.sampleId, background: true }));
    await started;
    await nb.core.close();
    expect((await asked).message).toMatch(/notebook was closed while the suggester read this article.*made when the notebook is opened again/);
    // No suggestion file, and no temp file of one.
    expect(suggestionFiles()).toEqual([]);

    // Opened again, the article gets its suggestions, from a new worker, stored whole.
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const result = await nb.core.handlers.getSuggestions({ articleId: nb.sampleId });
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(suggestionFiles()).toEqual([`${encodeURIComponent(nb.sampleId)}.json`]);
    const file = JSON.parse(readFileSync(path.join(nb.dir, 'suggestions', suggestionFiles()[0]!), 'utf8'));
    expect(file.suggestions).toEqual(suggestAttributions((await nb.core.handlers.getArticle({ id: nb.sampleId })).article.text));
  });

  it("the app's background pass asks in the background lane; the open article, re-runs and the command line in the first", async () => {
    nb = await openAnnotateFixture();
    const runner = suggestRunnerOf(nb.core.context)!;
    const lanes: SuggestPriority[] = [];
    runner.events.on('start', (_id: number, priority: SuggestPriority) => lanes.push(priority));
    await nb.core.handlers.getSuggestions({ articleId: nb.sampleId, background: true });
    await nb.core.handlers.runSuggester({ articleId: nb.sampleId });
    await rm(path.join(nb.dir, 'suggestions'), { recursive: true });
    await nb.core.handlers.getSuggestions({ articleId: nb.sampleId });
    expect(lanes).toEqual(['background', 'open', 'open']);
  });

  it('an article the worker crashes on answers with a clear error and saves nothing; the others go on', async () => {
    nb = await openAnnotateFixture();
    const runner = suggestRunnerOf(nb.core.context)!;
    // The worker ends while it reads the article, as a crash would.
    runner.events.once('start', () => void (runner as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate());
    await expect(nb.core.handlers.getSuggestions({ articleId: nb.sampleId })).rejects.toThrow(
      /suggester stopped .* on this article's text.*No suggestions were saved for it/,
    );
    expect(suggestionFiles()).toEqual([]);
    const again = await nb.core.handlers.getSuggestions({ articleId: nb.sampleId });
    expect(again.suggestions.length).toBeGreaterThan(0);
    expect(suggestionFiles()).toHaveLength(1);
  });
});
