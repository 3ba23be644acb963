import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { anchorTarget } from '../../shared/anchoring';
import { CodebookSchema, type Codebook } from '../../shared/model';
import { historyOf } from './history/history';
import { createNotebookCore, type CoreOptions, type NotebookCore } from './notebook-core';
import { openNotebook } from './store';

const SAMPLE_ARTICLE = 'sample/us-china-talks-2024.txt';
const SAMPLE_CLAIMS = 'sample/us-china-talks-2024.claims.json';
const SAMPLE_META = 'sample/us-china-talks-2024.meta.json';

/** The sample's details as published, which its text file does not carry (headline, source, address). */
const SampleMetaSchema = z.object({
  title: z.string().min(1),
  source: z.string().min(1),
  url: z.string().url(),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const GoldClaimSchema = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number(),
  end: z.number(),
  actors: z.array(z.string()),
  speaker: z.string().nullable(),
  issue: z.string(),
  proposition: z.string(),
  stance: z.string(),
});
const GoldFileSchema = z.object({ claims: z.array(GoldClaimSchema) });

/** The folder holding the default codebook and the sample, when running from the source tree. */
export function sourceResourcesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');
}

/** Whether a folder already holds a notebook. */
export function notebookExists(dir: string): boolean {
  return existsSync(path.join(dir, 'notebook.json'));
}

export async function loadDefaultCodebook(resourcesDir: string): Promise<Codebook> {
  const raw = JSON.parse(await readFile(path.join(resourcesDir, 'default-codebook.json'), 'utf8'));
  return CodebookSchema.parse(raw);
}

/**
 * Adds the sample article and its analyst's claims. Claims are placed by quote and context
 * in the imported text (whose layout differs from the raw file), and coded by codebook names.
 * Throws if any sample claim cannot be placed exactly: the sample is ours and must be whole.
 */
export async function addSampleArticle(core: NotebookCore, resourcesDir: string): Promise<string> {
  const { handlers, store } = core;
  const data = await readFile(path.join(resourcesDir, SAMPLE_ARTICLE));
  const result = await handlers.importFile({ name: path.basename(SAMPLE_ARTICLE), dataBase64: data.toString('base64') });
  const published = SampleMetaSchema.parse(JSON.parse(await readFile(path.join(resourcesDir, SAMPLE_META), 'utf8')));
  await handlers.updateArticleMeta({ id: result.articleId, patch: published });
  const article = await store.getArticle(result.articleId);
  if (!article) throw new Error('The sample article vanished right after import.');
  if ((await store.getClaims(article.id)).length > 0) return article.id;

  const gold = GoldFileSchema.parse(JSON.parse(await readFile(path.join(resourcesDir, SAMPLE_CLAIMS), 'utf8')));
  const codebook = store.getCodebook();
  const byName = <T extends { name: string }>(items: T[], name: string, what: string): T => {
    const found = items.find((item) => item.name === name);
    if (!found) throw new Error(`The sample names ${what} "${name}", which the default codebook lacks.`);
    return found;
  };
  for (const claim of gold.claims) {
    const anchored = anchorTarget(article.text, {
      quote: { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      position: { type: 'TextPositionSelector', start: claim.start, end: claim.end },
    });
    if (anchored.status === 'orphaned') throw new Error(`A sample claim could not be placed: "${claim.exact}"`);
    const stance = codebook.stances.find((s) => s.label === claim.stance);
    await handlers.createClaim({
      articleId: article.id,
      start: anchored.start,
      end: anchored.end,
      coding: {
        actorIds: claim.actors.map((name) => byName(codebook.actors, name, 'actor').id),
        issueId: byName(codebook.issues, claim.issue, 'issue').id,
        proposition: claim.proposition,
        stanceId: stance?.id ?? null,
        speaker: claim.speaker,
        tags: [],
        note: '',
      },
    });
  }
  return article.id;
}

export interface OpenOptions extends CoreOptions {
  resourcesDir: string;
  /** Create the notebook when the folder has none. */
  create?: boolean;
  /** When creating: also add the sample article and its claims. */
  sample?: boolean;
}

/**
 * Opens the notebook in `dir` (creating it with the default codebook, and the sample if asked,
 * when it does not exist yet) and returns its core.
 */
export async function openNotebookCore(dir: string, options: OpenOptions): Promise<NotebookCore> {
  const isNew = !notebookExists(dir);
  const store = await openNotebook(dir, { create: options.create ?? false, now: options.now, name: path.basename(dir) });
  const core = createNotebookCore(store, options);
  try {
    if (isNew) {
      await store.putCodebook(await loadDefaultCodebook(options.resourcesDir));
      if (options.sample) await addSampleArticle(core, options.resourcesDir);
      // Setting up the notebook is not the analyst's work: nothing of it should be undoable.
      historyOf(core.context).clear();
      // The day's backup was taken as the store opened, before the codebook and the sample were
      // written: without this one, a codebook damaged on the first day would be recovered as
      // an empty one.
      await store.backup();
    }
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}
