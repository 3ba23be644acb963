import { Low } from 'lowdb';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { NOTEBOOK_SCHEMA_VERSION } from '../../../shared/model';
import type { ShardDoc } from './documents';
import { DurableJsonFile } from './durable-json-file';
import { fsyncDir, isErrno, readTextIfExists } from './fs-durable';
import { abs, shardRel } from './layout';
import { restoreDocument } from './restore';

/** How many parsed shards stay in memory: enough for the articles an analyst has open. */
const CACHE_SIZE = 64;

/**
 * The article shards (articles/<id>.json): one file per article with its text and claims,
 * read lazily and written atomically through lowdb with the durable adapter.
 * Keeps a small most-recently-used cache so a run of claim saves reads the shard once.
 */
export class ShardStore {
  private readonly cache = new Map<string, ShardDoc>();
  /**
   * Bumped by every write, removal and eviction. A read that overlapped one of them may have
   * parsed the old file, so it must not put what it read into the cache.
   */
  private epoch = 0;

  constructor(private readonly dir: string) {}

  fileOf(id: string): string {
    return abs(this.dir, shardRel(id));
  }

  /** The shard, or null when the article has none. Throws a DocumentProblem when unreadable. */
  async read(id: string): Promise<ShardDoc | null> {
    const cached = this.cache.get(id);
    if (cached) {
      this.touch(id, cached);
      return cached;
    }
    const startedAt = this.epoch;
    const text = await readTextIfExists(this.fileOf(id));
    if (text === null) return null;
    const doc = restoreDocument('shard', text);
    if (startedAt === this.epoch) this.touch(id, doc);
    return doc;
  }

  /** Writes the shard durably; the cache holds it only once it is on disk. */
  async write(doc: ShardDoc): Promise<void> {
    const id = doc.article.id;
    const stored: ShardDoc = { ...doc, schemaVersion: NOTEBOOK_SCHEMA_VERSION };
    const db = new Low<ShardDoc>(new DurableJsonFile(this.fileOf(id), (text) => restoreDocument('shard', text)), stored);
    this.cache.delete(id);
    this.epoch++;
    try {
      await db.write();
    } finally {
      this.epoch++;
    }
    this.touch(id, stored);
  }

  /** Removes the shard file durably (the caller has put its content in the trash first). */
  async remove(id: string): Promise<void> {
    this.cache.delete(id);
    this.epoch++;
    try {
      await unlink(this.fileOf(id));
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    await fsyncDir(path.dirname(this.fileOf(id)));
  }

  /** Forgets a cached copy (after the file was replaced behind the cache's back). */
  evict(id: string): void {
    this.cache.delete(id);
    this.epoch++;
  }

  private touch(id: string, doc: ShardDoc): void {
    this.cache.delete(id);
    this.cache.set(id, doc);
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
