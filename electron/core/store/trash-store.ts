import { Low } from 'lowdb';
import { readdir, unlink } from 'node:fs/promises';
import { NOTEBOOK_SCHEMA_VERSION } from '../../../shared/model';
import type { TrashDoc } from './documents';
import { DurableJsonFile } from './durable-json-file';
import { DocumentProblem } from './errors';
import { ensureDirDurable, fsyncDir, isErrno, readTextIfExists, TEMP_MARKER } from './fs-durable';
import { DIRS, abs, trashRel } from './layout';
import { restoreDocument } from './restore';
import type { TrashEntry } from './types';

/** A trash file that could not be read, for the open report. */
export interface UnreadableTrash {
  rel: string;
  problem: DocumentProblem;
}

/**
 * The trash folder: one durable file per deleted article (with its claims), claim or brief.
 * Entries are listed from memory; their content is read back only to restore one.
 */
export class TrashStore {
  private readonly entries = new Map<string, TrashEntry>();

  private constructor(private readonly dir: string) {}

  /** Reads every trash file's entry; unreadable ones are returned for quarantine. */
  static async load(dir: string): Promise<{ trash: TrashStore; unreadable: UnreadableTrash[] }> {
    const trash = new TrashStore(dir);
    const unreadable: UnreadableTrash[] = [];
    await ensureDirDurable(abs(dir, DIRS.trash));
    for (const name of await readdir(abs(dir, DIRS.trash))) {
      const rel = `${DIRS.trash}/${name}`;
      if (name.includes(TEMP_MARKER)) {
        await unlink(abs(dir, rel)).catch(() => undefined);
        continue;
      }
      try {
        const text = await readTextIfExists(abs(dir, rel));
        if (text === null) continue;
        trash.remember(restoreDocument('trash', text));
      } catch (error) {
        if (!(error instanceof DocumentProblem)) throw error;
        unreadable.push({ rel, problem: error });
      }
    }
    return { trash, unreadable };
  }

  list(): TrashEntry[] {
    return [...this.entries.values()].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /** Whether an item of this kind and id is in the trash: one look-up, the trash is not listed. */
  has(kind: TrashEntry['kind'], id: string): boolean {
    return this.entries.has(key(kind, id));
  }

  /** The entry with this id; articles first, should a claim or brief share the id. */
  find(id: string): TrashEntry | undefined {
    for (const kind of ['article', 'claim', 'brief'] as const) {
      const entry = this.entries.get(key(kind, id));
      if (entry) return entry;
    }
    return undefined;
  }

  /** Writes a deleted item durably into the trash. */
  async put(doc: TrashDoc): Promise<void> {
    const stored = { ...doc, schemaVersion: NOTEBOOK_SCHEMA_VERSION } as TrashDoc;
    const file = abs(this.dir, trashRel(doc.kind, idOf(doc)));
    await new Low<TrashDoc>(new DurableJsonFile(file, (text) => restoreDocument('trash', text)), stored).write();
    this.remember(stored);
  }

  /** The full content of a trashed item, to restore it. */
  async read(entry: TrashEntry): Promise<TrashDoc> {
    const text = await readTextIfExists(abs(this.dir, trashRel(entry.kind, entry.id)));
    if (text === null) throw new DocumentProblem('is missing');
    return restoreDocument('trash', text);
  }

  /** Deletes one trash file durably. */
  async remove(kind: TrashEntry['kind'], id: string): Promise<void> {
    try {
      await unlink(abs(this.dir, trashRel(kind, id)));
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    await fsyncDir(abs(this.dir, DIRS.trash));
    this.entries.delete(key(kind, id));
  }

  async empty(): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      await unlink(abs(this.dir, trashRel(entry.kind, entry.id))).catch((error: unknown) => {
        if (!isErrno(error, 'ENOENT')) throw error;
      });
      this.entries.delete(key(entry.kind, entry.id));
    }
    await fsyncDir(abs(this.dir, DIRS.trash));
  }

  /**
   * Lists an item whose trash file is written later (a logged claim delete): the journal holds
   * it meanwhile, and restore and empty write pending files first.
   */
  remember(doc: TrashDoc): void {
    const entry = entryOf(doc);
    this.entries.set(key(entry.kind, entry.id), entry);
  }
}

function key(kind: TrashEntry['kind'], id: string): string {
  return `${kind}:${id}`;
}

function idOf(doc: TrashDoc): string {
  return doc.kind === 'article' ? doc.article.id : doc.kind === 'claim' ? doc.claim.id : doc.brief.id;
}

function entryOf(doc: TrashDoc): TrashEntry {
  switch (doc.kind) {
    case 'article':
      return { id: doc.article.id, kind: 'article', label: doc.article.title, deletedAt: doc.deletedAt, articleId: null };
    case 'claim':
      return {
        id: doc.claim.id,
        kind: 'claim',
        label: doc.claim.target.quote.exact.slice(0, 200),
        deletedAt: doc.deletedAt,
        articleId: doc.claim.articleId,
      };
    case 'brief':
      return { id: doc.brief.id, kind: 'brief', label: doc.brief.title, deletedAt: doc.deletedAt, articleId: null };
  }
}
