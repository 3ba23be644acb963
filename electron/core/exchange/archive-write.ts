import JSZip from 'jszip';
import { isoNow, type CoreContext } from '../context';
import { ARCHIVE_FILES, ARCHIVE_VERSION, type ArchiveManifest, type ArchivedArticle } from './archive-format';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The whole notebook as one zip: notebook meta, codebook, briefs, every article with its
 * claims (one JSON file each, readable by hand), and a
 * manifest with counts and versions that restore checks. The trash and backups are not
 * included: an archive is what the notebook holds now.
 */
export async function buildArchive(ctx: CoreContext): Promise<{ bytes: Uint8Array; manifest: ArchiveManifest }> {
  const { store } = ctx;
  const zip = new JSZip();
  const codebook = store.getCodebook();
  const briefs = store.listBriefs();
  const summaries = [...store.listArticles()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  let claimCount = 0;
  const articleFiles: string[] = [];
  for (const summary of summaries) {
    const article = await store.getArticle(summary.id);
    if (!article) continue;
    const entry: ArchivedArticle = { article, claims: await store.getClaims(article.id) };
    const file = `${ARCHIVE_FILES.articlesDir}${String(articleFiles.length + 1).padStart(6, '0')}.json`;
    zip.file(file, json(entry));
    articleFiles.push(file);
    claimCount += entry.claims.length;
  }
  const manifest: ArchiveManifest = {
    format: 'stancebook-archive',
    archiveVersion: ARCHIVE_VERSION,
    schemaVersion: store.meta.schemaVersion,
    createdAt: isoNow(ctx),
    counts: {
      articles: articleFiles.length,
      claims: claimCount,
      actors: codebook.actors.length,
      issues: codebook.issues.length,
      stances: codebook.stances.length,
      tags: codebook.tags.length,
      briefs: briefs.length,
    },
    articleFiles,
  };
  zip.file(ARCHIVE_FILES.manifest, json(manifest));
  zip.file(ARCHIVE_FILES.notebook, json(store.meta));
  zip.file(ARCHIVE_FILES.codebook, json(codebook));
  zip.file(ARCHIVE_FILES.briefs, json({ briefs }));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, manifest };
}
