// Reader speed in real Chromium through the browser mode (issue 4): an article of 100,000 words
// with 5,000 claims. Measures the first highlighted paint, creating a claim from a selection
// until its highlight shows, changing a claim's stance until its highlight shows the new colour,
// deleting a claim until its highlight is gone (p50/p95 each), and dropped frames over a
// scripted scroll. Times are taken in the page, from the click to the frame after the change.
//   node --import tsx test/bench/reader-bench.ts [--json] [--words N] [--claims N] [--quick] [--trace DIR]
// --trace DIR also writes, for three more claim creations, the page's CPU profile (open it in
// Chrome's DevTools, Performance panel) and prints the core's time per contract call they caused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { describeRange } from '../../shared/anchoring';
import type { Claim } from '../../shared/model';
import { startBrowserHost } from '../../electron/browser-host/server';
import { openNotebookCore } from '../../electron/core/bootstrap';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../../electron/core/documents/chromium-printer';
import { topSelfTime, type CpuProfile } from './cpu-profile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    words: { type: 'string' },
    claims: { type: 'string' },
    quick: { type: 'boolean' },
    trace: { type: 'string' },
  },
});
const WORDS = Number(values.words ?? (values.quick ? 20_000 : 100_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 1_000 : 5_000));
const CREATE_REPS = values.quick ? 8 : 30;

const VOCAB = (
  'government minister policy talks security trade sanctions agreement officials said dialogue region military ' +
  'economic cooperation tensions statement support oppose stability sovereignty maritime exports markets council ' +
  'negotiations ceasefire delegation summit bilateral strategy investment energy climate technology chips analysts'
).split(' ');

/** Deterministic prose: sentences of 12–24 words, paragraphs of 5 sentences. */
function syntheticArticle(words: number): string {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = 0; s < 5 && count < words; s++) {
      const n = 12 + Math.floor(rand() * 13);
      const ws = Array.from({ length: n }, () => VOCAB[Math.floor(rand() * VOCAB.length)]);
      ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1);
      sentences.push(`${ws.join(' ')}.`);
      count += n;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n');
}

/** Sentence ranges [start, end) of the canonical text. */
function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[A-Z][^.]*\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The nearest-rank quantile (p95 of 30 values is the 29th; floor(q × n) took the largest of 20 as their p95). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

function ensureRendererBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/renderer/index.html'))) return;
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('The renderer build failed.');
}

/**
 * Milliseconds from navigation start to the first frame painted after a highlight exists, taken
 * in the page: a script installed before the app's own notes when the first highlight is put in
 * the DOM and the frame after it. (Waiting for the highlight from the test's side and then asking
 * the page for a frame added the test's round trips, and whatever the page did meanwhile.)
 */
async function firstHighlightedPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector('mark[data-claims]', { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __firstHighlightPaint: Promise<number> }).__firstHighlightPaint);
}

/** Installed in every page before its scripts run: resolves window.__firstHighlightPaint. */
function watchFirstHighlight(): void {
  const w = window as unknown as { __firstHighlightPaint: Promise<number> };
  w.__firstHighlightPaint = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('mark[data-claims]')) return;
      observer.disconnect();
      // The frame that draws the highlight starts with the next animation frame callback and is
      // on screen by the one after.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    });
    observer.observe(document, { subtree: true, childList: true });
  });
}

/** Selects [start, end) of the canonical text in the reader, through the rendered segments. */
async function selectRange(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    ({ start, end }) => {
      const segs = [...document.querySelectorAll<HTMLElement>('[data-seg]')];
      const locate = (offset: number) => {
        const seg = segs.find((s) => Number(s.dataset.start) <= offset && offset <= Number(s.dataset.end));
        if (!seg?.firstChild) throw new Error(`no segment at ${offset}`);
        return { node: seg.firstChild, at: offset - Number(seg.dataset.start) };
      };
      const a = locate(start);
      const b = locate(end);
      const range = document.createRange();
      range.setStart(a.node, a.at);
      range.setEnd(b.node, b.at);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      (document.activeElement as HTMLElement | null)?.blur?.();
      a.node.parentElement?.scrollIntoView({ block: 'center' });
    },
    { start, end },
  );
}

/**
 * Waits until the page has had an idle moment (or 2 s), so each click is timed from a page at
 * rest, as an analyst's is, not while the last operation's aftermath (the claim list drawn again,
 * its card scrolled to and focused) still runs.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
}

/** Time from clicking Save in the claim editor until the new claim's highlight is in the page. */
async function createClaimLatency(page: Page, start: number, end: number): Promise<number> {
  await selectRange(page, start, end);
  await page.keyboard.press('c');
  // The claim editor docks beside the text (a panel, not a dialog).
  await page.getByTestId('claim-editor').waitFor();
  const before = await page.evaluate(() => document.querySelectorAll('mark[data-claims]').length);
  await page.evaluate((before) => {
    const w = window as unknown as { __created?: Promise<number> };
    w.__created = new Promise<number>((resolve) => {
      // Counting every mark (thousands) on each batch of DOM changes cost the page more than the
      // change it measures; count only when a mark was added or got its claims.
      const MARK = 'mark[data-claims]';
      const touchesMarks = (records: MutationRecord[]) =>
        records.some((r) =>
          r.type === 'attributes'
            ? r.attributeName === 'data-claims' && (r.target as Element).matches(MARK)
            : [...r.addedNodes].some((n) => n instanceof Element && (n.matches(MARK) || !!n.querySelector(MARK))),
        );
      const observer = new MutationObserver((records) => {
        if (touchesMarks(records) && document.querySelectorAll(MARK).length > before) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, before);
  // Click Save inside the page and take the time in the same task, so no round trip is counted.
  await settled(page);
  const pressedAt = await page.evaluate(() => {
    const save = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="claim-editor"] button')].find(
      (b) => b.textContent?.trim() === 'Save claim',
    );
    if (!save) throw new Error('The claim editor has no "Save claim" button.');
    const at = performance.now();
    (window as unknown as { __pressedAt?: number }).__pressedAt = at;
    save.click();
    return at;
  });
  let timer: NodeJS.Timeout | undefined;
  const shownAt = await Promise.race([
    page.evaluate(() => (window as unknown as { __created: Promise<number> }).__created),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const shot = path.join(os.tmpdir(), 'reader-bench-stuck.png');
        void page.screenshot({ path: shot }).finally(() => reject(new Error(`No highlight appeared 15 s after saving the claim; see ${shot}.`)));
      }, 15_000);
    }),
  ]).finally(() => clearTimeout(timer));
  await page.getByTestId('claim-editor').waitFor({ state: 'detached' });
  return shownAt - pressedAt;
}

/**
 * Resolves (in the page, as window.__changed) with the time of the first frame after the claim's
 * highlights all show `colour`, or (colour null) after the claim has none; checked on every DOM
 * change in the article.
 */
async function watchClaimMarks(page: Page, claimId: string, colour: string | null): Promise<void> {
  await page.evaluate(
    ({ claimId, colour }) => {
      const w = window as unknown as { __changed?: Promise<number> };
      const done = () => {
        const marks = [...document.querySelectorAll<HTMLElement>(`mark[data-claims~="${CSS.escape(claimId)}"]`)];
        return colour === null ? marks.length === 0 : marks.length > 0 && marks.every((m) => m.style.getPropertyValue('--hl').trim() === colour);
      };
      w.__changed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(document.querySelector('[data-testid="article-body"]')!, { subtree: true, childList: true, attributes: true });
      });
    },
    { claimId, colour },
  );
}

/**
 * Clicks a claim's highlight in the reader (selecting it), with nothing focused after; again if
 * the last edit's focus handling (its card is focused once drawn) took the selection back.
 */
async function selectClaim(page: Page, claimId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const selected = await page.evaluate(async (claimId) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      window.getSelection()?.removeAllRanges();
      const mark = document.querySelector<HTMLElement>(`mark[data-claims="${CSS.escape(claimId)}"]`);
      if (!mark) throw new Error(`No highlight of ${claimId} alone.`);
      mark.scrollIntoView({ block: 'center' });
      mark.click();
      (document.activeElement as HTMLElement | null)?.blur?.();
      for (let i = 0; i < 5; i++) await frame();
      return !!document.querySelector(`mark.hl--selected[data-claims="${CSS.escape(claimId)}"]`);
    }, claimId);
    if (selected) return;
  }
  throw new Error(`Clicking the highlight of ${claimId} did not select it.`);
}

/** Clicks a button by its words inside the element with this test id; returns the time of the click. */
async function clickIn(page: Page, testId: string, words: string): Promise<number> {
  return page.evaluate(
    ({ testId, words }) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>(`[data-testid="${testId}"] button`)].find(
        (b) => b.textContent?.trim() === words,
      );
      if (!button) throw new Error(`No "${words}" button in ${testId}.`);
      const at = performance.now();
      button.click();
      return at;
    },
    { testId, words },
  );
}

async function changedAt(page: Page, what: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    page.evaluate(() => (window as unknown as { __changed: Promise<number> }).__changed),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const shot = path.join(os.tmpdir(), 'reader-bench-stuck.png');
        void page
          .evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('mark.hl--selected')].map((m) => `${m.dataset.claims}: ${m.getAttribute('style')}`).join('; '),
          )
          .then((marks) =>
            page.screenshot({ path: shot }).then(() => reject(new Error(`${what} 15 s after the click (selected marks: ${marks}); see ${shot}.`))),
          );
      }, 15_000);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Time from clicking "Save changes" after picking another stance until the claim's highlight shows its colour. */
async function editStanceLatency(page: Page, claimId: string, stanceKey: number, colour: string): Promise<number> {
  await selectClaim(page, claimId);
  await page.keyboard.press('e');
  await page.getByTestId('claim-editor').waitFor();
  await page.keyboard.press(`Alt+${stanceKey}`);
  await watchClaimMarks(page, claimId, colour);
  await settled(page);
  const pressedAt = await clickIn(page, 'claim-editor', 'Save changes');
  const shownAt = await changedAt(page, `The highlight of ${claimId} did not show ${colour}`);
  await page.getByTestId('claim-editor').waitFor({ state: 'detached' });
  return shownAt - pressedAt;
}

/** Time from confirming a claim's deletion until its highlight is gone. */
async function deleteLatency(page: Page, claimId: string): Promise<number> {
  await selectClaim(page, claimId);
  await page.keyboard.press('Delete');
  await page.getByTestId('delete-claim').waitFor();
  await watchClaimMarks(page, claimId, null);
  await settled(page);
  const pressedAt = await clickIn(page, 'delete-claim', 'Delete claim');
  const goneAt = await changedAt(page, `The highlight of ${claimId} was still there`);
  await page.getByTestId('delete-claim').waitFor({ state: 'detached' });
  return goneAt - pressedAt;
}

/** Scrolls the reader 120 px per frame for 240 frames; frames over 25 ms count as dropped. */
async function scrollFrames(page: Page): Promise<{ frames: number; dropped: number; p95: number }> {
  return page.evaluate(
    () =>
      new Promise<{ frames: number; dropped: number; p95: number }>((resolve) => {
        const body = document.querySelector('[data-block-start]');
        let scroller: HTMLElement | null = body?.parentElement ?? null;
        while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
        const target = scroller ?? document.scrollingElement!;
        target.scrollTop = 0;
        const deltas: number[] = [];
        let last = performance.now();
        let frame = 0;
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          target.scrollTop += 120;
          if (++frame < 240) requestAnimationFrame(step);
          else {
            const sorted = deltas.slice(1).sort((a, b) => a - b);
            resolve({ frames: sorted.length, dropped: sorted.filter((d) => d > 25).length, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 });
          }
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      }),
  );
}

/** Starts collecting the page's long animation frames (over 50 ms), with the scripts that ran in them. */
async function watchLongFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames?: PerformanceEntry[]; __frameObserver?: PerformanceObserver };
    w.__frameObserver?.disconnect();
    w.__frames = [];
    w.__frameObserver = new PerformanceObserver((list) => w.__frames!.push(...list.getEntries()));
    w.__frameObserver.observe({ type: 'long-animation-frame' });
  });
}

/** The long frames since the last click on Save: when, how long, layout and the scripts' share. */
async function longFramesSincePress(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    interface Script {
      invoker: string;
      sourceFunctionName: string;
      sourceURL: string;
      duration: number;
      forcedStyleAndLayoutDuration: number;
    }
    interface Frame extends PerformanceEntry {
      renderStart: number;
      styleAndLayoutStart: number;
      blockingDuration: number;
      scripts: Script[];
    }
    const w = window as unknown as { __frames: Frame[]; __pressedAt: number };
    return w.__frames
      .filter((f) => f.startTime + f.duration >= w.__pressedAt)
      .flatMap((f) => [
        `frame at +${Math.round(f.startTime - w.__pressedAt)} ms: ${Math.round(f.duration)} ms, render ${Math.round(f.startTime + f.duration - f.renderStart)} ms (style+layout ${Math.round(f.startTime + f.duration - f.styleAndLayoutStart)} ms)`,
        ...f.scripts.map(
          (s) =>
            `  ${Math.round(s.duration)} ms (forced layout ${Math.round(s.forcedStyleAndLayoutDuration)}) ${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}`,
        ),
      ]);
  });
}

/** What the first highlighted paint waited for: the page's requests and its long frames, from navigation start. */
async function firstPaintTimeline(page: Page, url: string): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window as unknown as { __frames: PerformanceEntry[] };
    w.__frames = [];
    new PerformanceObserver((list) => w.__frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
  });
  const paint = await firstHighlightedPaint(page, url);
  return page.evaluate((paint) => {
    interface Frame extends PerformanceEntry {
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: Array<{ invoker: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number }>;
    }
    const lines: string[] = [`first highlighted paint at ${Math.round(paint)} ms`];
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (r.startTime > paint) continue;
      lines.push(
        `request ${r.name.split('/').slice(-2).join('/').slice(0, 50)}: ${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ms, ${Math.round(r.transferSize / 1024)} kB`,
      );
    }
    for (const f of (window as unknown as { __frames: Frame[] }).__frames) {
      if (f.startTime > paint) continue;
      lines.push(
        `long frame ${Math.round(f.startTime)}–${Math.round(f.startTime + f.duration)} ms: render ${Math.round(f.startTime + f.duration - f.renderStart)} ms (style+layout ${Math.round(f.startTime + f.duration - f.styleAndLayoutStart)} ms)`,
      );
      for (const s of f.scripts)
        lines.push(
          `  ${Math.round(s.duration)} ms (forced layout ${Math.round(s.forcedStyleAndLayoutDuration)}) ${s.invoker} ${s.sourceFunctionName}`,
        );
    }
    return lines;
  }, paint);
}

/**
 * Times every contract call the core answers while `run` runs, and records the page's CPU
 * profile over it (written to DIR/reader-claims.cpuprofile).
 */
async function traceCreations(page: Page, handlers: Record<string, unknown>, dir: string, run: () => Promise<void>): Promise<void> {
  const calls: Array<{ method: string; ms: number }> = [];
  const originals = new Map<string, unknown>();
  for (const [method, fn] of Object.entries(handlers)) {
    if (typeof fn !== 'function') continue;
    originals.set(method, fn);
    handlers[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        calls.push({ method, ms: performance.now() - started });
      }
    };
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    await run();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    for (const [method, fn] of originals) handlers[method] = fn;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'reader-claims.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
    console.log(`trace: page CPU profile ${file} (${total.toFixed(0)} ms sampled); top self time:`);
    for (const line of topSelfTime(profile, 25)) console.log(`  ${line}`);
    const perMethod = new Map<string, number[]>();
    for (const c of calls) perMethod.set(c.method, [...(perMethod.get(c.method) ?? []), c.ms]);
    console.log('trace: core calls (count, total ms, max ms):');
    for (const [method, ms] of [...perMethod].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y))) {
      console.log(
        `  ${method.padEnd(28)} ${String(ms.length).padStart(3)}  ${ms
          .reduce((x, y) => x + y)
          .toFixed(1)
          .padStart(8)}  ${Math.max(...ms)
          .toFixed(1)
          .padStart(8)}`,
      );
    }
  }
}

async function main(): Promise<void> {
  ensureRendererBuilt();
  const work = mkdtempSync(path.join(os.tmpdir(), 'stancebook-reader-bench-'));
  const core = await openNotebookCore(path.join(work, 'nb'), { resourcesDir: path.join(ROOT, 'resources'), create: true, sample: false });
  const text = syntheticArticle(WORDS);
  const imported = await core.handlers.importText({ text, title: `Bench article (${WORDS} words)` });
  const article = (await core.store.getArticle(imported.articleId))!;
  const sentences = sentenceRanges(article.text);
  // Claims on seven sentences of every eight (some overlapping the next), leaving every eighth free for creation.
  const codebook = core.store.getCodebook();
  const now = new Date().toISOString();
  const claims: Claim[] = [];
  for (let i = 0; claims.length < CLAIMS && i < sentences.length; i++) {
    if (i % 8 === 7) continue;
    const [s, e] = sentences[i]!;
    const end = i % 4 === 1 && sentences[i + 1] ? Math.min(sentences[i + 1]![0] + 20, article.text.length) : e;
    claims.push({
      id: `clm_bench_${i}`,
      articleId: article.id,
      target: describeRange(article.text, s, end),
      anchor: { status: 'exact', score: 1 },
      actorIds: [codebook.actors[i % codebook.actors.length]!.id],
      issueId: codebook.issues[i % codebook.issues.length]!.id,
      proposition: '',
      stanceId: codebook.stances[i % codebook.stances.length]!.id,
      speaker: null,
      tags: [],
      note: '',
      createdAt: now,
      updatedAt: now,
    });
  }
  await core.store.putClaims(article.id, claims);
  const free = sentences.filter((_, i) => i % 8 === 7);

  const host = await startBrowserHost({ core, rendererDir: path.join(ROOT, 'dist/renderer') });
  const browser = await chromium.launch({ executablePath: defaultChromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild, keepNames) wraps named functions in the evaluated code with __name().
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(watchFirstHighlight);
    page.on('crash', () => console.error('The reader tab crashed (out of memory?).'));
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const paints: number[] = [];
    for (let run = 0; run < 3; run++) paints.push(await firstHighlightedPaint(page, host.url));
    const firstPaint = [...paints].sort((a, b) => a - b)[1]!;
    const marks = await page.evaluate(() => document.querySelectorAll('mark[data-claims]').length);

    const creates: number[] = [];
    for (let r = 0; r < CREATE_REPS; r++) {
      const [s, e] = free[Math.floor((r * free.length) / CREATE_REPS) + 1]!;
      creates.push(await createClaimLatency(page, s, e));
    }
    creates.sort((a, b) => a - b);
    // Claims on sentences 3 and 4 of every 8 overlap no other claim: one highlight each.
    const alone = claims.filter((c) => [3, 4].includes(Number(c.id.slice('clm_bench_'.length)) % 8));
    const edits: number[] = [];
    for (let r = 0; r < CREATE_REPS; r++) {
      const claim = alone[Math.floor((r * alone.length) / (2 * CREATE_REPS))]!;
      // Alt+1…5 pick the stances in the order of their values, as the editor shows them.
      const scale = [...codebook.stances].sort((a, b) => a.value - b.value);
      const next = (scale.findIndex((st) => st.id === claim.stanceId) + 1) % scale.length;
      edits.push(await editStanceLatency(page, claim.id, next + 1, scale[next]!.color));
    }
    edits.sort((a, b) => a - b);
    const deletes: number[] = [];
    for (let r = 0; r < CREATE_REPS; r++) {
      deletes.push(await deleteLatency(page, alone[Math.floor(((r + 0.5) * alone.length) / CREATE_REPS)]!.id));
    }
    deletes.sort((a, b) => a - b);
    if (values.trace) {
      const tracePage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await tracePage.addInitScript('globalThis.__name = (fn) => fn;');
      await tracePage.addInitScript(watchFirstHighlight);
      for (const line of await firstPaintTimeline(tracePage, host.url)) console.log(`trace: ${line}`);
      await tracePage.close();
      await traceCreations(page, core.handlers as unknown as Record<string, unknown>, values.trace, async () => {
        for (let r = 0; r < 3; r++) {
          const [s, e] = free[Math.floor(((r + 0.5) * free.length) / CREATE_REPS) + 1]!;
          await watchLongFrames(page);
          console.log(`trace: claim ${r + 1} shown after ${Math.round(await createClaimLatency(page, s, e))} ms`);
          for (const line of await longFramesSincePress(page)) console.log(`    ${line}`);
        }
      });
    }
    const scroll = await scrollFrames(page);

    const figures = {
      reader_words: WORDS,
      reader_claims: claims.length,
      reader_first_paint_ms: Math.round(firstPaint),
      reader_highlight_marks: marks,
      claim_create_ui_p50_ms: Math.round(quantile(creates, 0.5)),
      claim_create_ui_p95_ms: Math.round(quantile(creates, 0.95)),
      claim_edit_stance_ui_p50_ms: Math.round(quantile(edits, 0.5)),
      claim_edit_stance_ui_p95_ms: Math.round(quantile(edits, 0.95)),
      claim_delete_ui_p50_ms: Math.round(quantile(deletes, 0.5)),
      claim_delete_ui_p95_ms: Math.round(quantile(deletes, 0.95)),
      scroll_frames: scroll.frames,
      scroll_dropped_frames: scroll.dropped,
      scroll_p95_frame_ms: Math.round(scroll.p95 * 10) / 10,
    };
    if (values.json) console.log(JSON.stringify(figures));
    else {
      console.log(`article: ${WORDS} words, ${claims.length} claims, ${marks} highlight segments`);
      console.log(
        `  first highlighted paint (median of 3)   ${figures.reader_first_paint_ms} ms   target < 1500 ms  (runs: ${paints.map(Math.round).join(', ')})`,
      );
      console.log(
        `  claim from selection to highlight p50/p95 ${figures.claim_create_ui_p50_ms} / ${figures.claim_create_ui_p95_ms} ms   target p95 < 100 ms  (${CREATE_REPS} claims)`,
      );
      console.log(
        `  edit a claim's stance to repaint p50/p95  ${figures.claim_edit_stance_ui_p50_ms} / ${figures.claim_edit_stance_ui_p95_ms} ms  (${CREATE_REPS} edits)`,
      );
      console.log(
        `  delete a claim to highlight gone p50/p95  ${figures.claim_delete_ui_p50_ms} / ${figures.claim_delete_ui_p95_ms} ms  (${CREATE_REPS} deletes)`,
      );
      console.log(`  scripted scroll: ${scroll.dropped} of ${scroll.frames} frames over 25 ms, p95 frame ${figures.scroll_p95_frame_ms} ms`);
    }
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
