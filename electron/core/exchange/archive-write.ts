import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { isoNow, type CoreContext } from '../context';
import { ARCHIVE_FILES, ARCHIVE_VERSION, type ArchiveManifest, type ArchivedArticle } from './archive-format';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Bytes turned into base64 per turn of the event loop (a multiple of 3, so the pieces join into one valid string). */
const BASE64_BYTES_PER_TURN = 3 * 256 * 1024;

/**
 * Base64 of an archive, a slice per turn of the event loop: a 30 MB zip encoded in one go (and
 * copied first) held the process for ~100 ms at 10,000 articles.
 */
export async function base64InSlices(bytes: Uint8Array, slice = BASE64_BYTES_PER_TURN): Promise<string> {
  if (slice % 3 !== 0) throw new RangeError('The slice must be a multiple of 3 bytes.');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += slice) {
    parts.push(Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(slice, bytes.length - at)).toString('base64'));
    if (at + slice < bytes.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return parts.join('');
}

/**
 * The whole notebook as one zip: notebook meta, codebook, briefs, every article with its
 * claims (one JSON file each, readable by hand), and a
 * manifest with counts and versions that restore checks. The trash and backups are not
 * included: an archive is what the notebook holds now.
 */
export async function buildArchive(ctx: CoreContext): Promise<{ bytes: Uint8Array; manifest: ArchiveManifest }> {
  const { store } = ctx;
  const zip = new ArchiveZip();
  const codebook = store.getCodebook();
  const briefs = store.listBriefs();
  // ISO timestamps and ids order by code unit: no locale comparison (it cost ~20 ms at 10,000 articles).
  const summaries = [...store.listArticles()].sort((a, b) => byCodeUnit(a.createdAt, b.createdAt) || byCodeUnit(a.id, b.id));
  let claimCount = 0;
  const articleFiles: string[] = [];
  for (const summary of summaries) {
    const article = await store.getArticle(summary.id);
    if (!article) continue;
    const entry: ArchivedArticle = { article, claims: await store.getClaims(article.id) };
    const file = `${ARCHIVE_FILES.articlesDir}${String(articleFiles.length + 1).padStart(6, '0')}.json`;
    await zip.add(file, json(entry));
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
  await zip.add(ARCHIVE_FILES.manifest, json(manifest));
  await zip.add(ARCHIVE_FILES.notebook, json(store.meta));
  await zip.add(ARCHIVE_FILES.codebook, json(codebook));
  await zip.add(ARCHIVE_FILES.briefs, json({ briefs }));
  return { bytes: await zip.finish(), manifest };
}

const EMPTY = new Uint8Array(0);
/** Zip bytes copied into the finished archive per turn of the event loop. */
const COPY_BYTES_PER_TURN = 8 * 1024 * 1024;

/** Uncompressed bytes deflated between turns of the event loop (a few ms of work). */
const BYTES_PER_TURN = 256 * 1024;

/**
 * A zip written as it is filled (fflate's streaming Zip): each file is deflated when added and
 * only the compressed bytes are kept, so a 10,000-article notebook is never held as text all at
 * once, and the event loop turns every few hundred kB, so archiving does not freeze the app.
 * (JSZip kept every file's text until the end and held the process for over a second at a time.)
 */
export class ArchiveZip {
  private readonly chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private pending = 0;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failure ??= error;
    else this.chunks.push(chunk);
  });

  async add(name: string, text: string): Promise<void> {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    const data = strToU8(text);
    // A large file (the manifest lists every article) is deflated a piece per turn as well.
    let at = 0;
    do {
      const end = Math.min(at + BYTES_PER_TURN, data.length);
      file.push(data.subarray(at, end), end === data.length);
      this.throwIfFailed();
      this.pending += end - at;
      at = end;
      if (this.pending >= BYTES_PER_TURN) {
        this.pending = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } while (at < data.length);
  }

  /**
   * Writes the central directory (in a turn of its own) and returns the whole zip, copied into
   * one array a few megabytes per turn (a 45 MB zip copied in one go held the process ~40 ms).
   */
  async finish(): Promise<Uint8Array> {
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    await turn();
    this.zip.end();
    this.throwIfFailed();
    await turn();
    const out = new Uint8Array(this.chunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    let copied = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i]!;
      out.set(chunk, at);
      at += chunk.length;
      copied += chunk.length;
      this.chunks[i] = EMPTY;
      if (copied >= COPY_BYTES_PER_TURN) {
        copied = 0;
        await turn();
      }
    }
    this.chunks.length = 0;
    return out;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
