import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryDoc, ShardDoc } from '../../../../electron/core/store/documents';
import { DIRS, FILES, abs, shardRel } from '../../../../electron/core/store/layout';
import { summarize } from '../../../../electron/core/store/summarize';
import { NOTEBOOK_SCHEMA_VERSION } from '../../../../shared/model';
import { smallArticle, syntheticSummaries } from './synthetic-library';

/**
 * Writes `count` small articles with the synthetic library's metadata (sources, dates, tags,
 * collections) straight into a notebook folder that openNotebook created, as the store
 * benchmark does: through putArticle, one durable write each, 10,000 take about 30 s here.
 * The store then opens it like any notebook, from library.json.
 */
export async function fillNotebookWithSmallArticles(dir: string, count: number): Promise<void> {
  await mkdir(path.join(dir, DIRS.articles), { recursive: true });
  const library: LibraryDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, journalSeq: 0, articles: [], revs: {} };
  for (const meta of syntheticSummaries(count)) {
    const { wordCount: _words, claimCount: _claims, ...fields } = meta;
    const article = smallArticle(meta.id, fields);
    const shard: ShardDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 1, article, claims: [] };
    await writeFile(abs(dir, shardRel(article.id)), JSON.stringify(shard));
    library.articles.push(summarize(article, 0));
    library.revs[article.id] = 1;
  }
  await writeFile(abs(dir, FILES.library), JSON.stringify(library));
  await writeFile(abs(dir, FILES.journal), '');
}
