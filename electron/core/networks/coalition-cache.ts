import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreContext } from '../context';
import { writeFileAtomic } from '../store/fs-durable';

/**
 * Coalitions found before, kept beside the notebook (`network-coalitions.json`) so the first
 * network of a session does not run community detection again over the same congruence network.
 * A derived file like the claims digest: never the source of truth, not in backups, archives or
 * sync (those copy the store's own files by name); deleting it costs one Louvain run per network.
 *
 * Entries are found by content (`coalitionKey` in coalitions.ts: a SHA-256 of the seed, the actors
 * and every congruence weight), so nothing is ever invalidated by hand: a claim, codebook or filter
 * change that changes the congruence network changes the key, and the old entry simply ages out
 * (the last KEEP kept, the most recently used last).
 */
export const COALITIONS_FILE = 'network-coalitions.json';
const FORMAT = 'stancebook-network-coalitions';
const VERSION = 1;
const KEEP = 16;

interface CoalitionsFileDoc {
  format: typeof FORMAT;
  schemaVersion: number;
  notebookId: string;
  /** Oldest first: the content key, each actor's coalition in the order the key was made with, and what they were found on. */
  entries: ({ key: string } & RememberedCoalitions)[];
}

export interface RememberedCoalitions {
  coalitions: (number | null)[];
  /** Edges community detection ran on, and the ties kept per actor (null: all). */
  edges: number;
  perActor: number | null;
}

const isCoalitions = (xs: unknown): xs is (number | null)[] => Array.isArray(xs) && xs.every((x) => x === null || Number.isInteger(x));
const isEntry = (x: unknown): x is { key: string } & RememberedCoalitions => {
  const e = x as Partial<{ key: string } & RememberedCoalitions> | null;
  return (
    typeof e?.key === 'string' && isCoalitions(e.coalitions) && Number.isInteger(e.edges) && (e.perActor === null || Number.isInteger(e.perActor))
  );
};

class CoalitionCache {
  private entries: Promise<Map<string, RememberedCoalitions>> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly ctx: CoreContext) {}

  private get file(): string {
    return path.join(this.ctx.store.dir, COALITIONS_FILE);
  }

  /** The file read once a session; a missing, damaged, foreign or older file is an empty cache. */
  private load(): Promise<Map<string, RememberedCoalitions>> {
    this.entries ??= (async () => {
      const entries = new Map<string, RememberedCoalitions>();
      let doc: Partial<CoalitionsFileDoc>;
      try {
        doc = JSON.parse(await readFile(this.file, 'utf8')) as Partial<CoalitionsFileDoc>;
      } catch {
        // Not there yet, unreadable or cut off: either way the coalitions are found again.
        return entries;
      }
      if (doc?.format !== FORMAT || doc.schemaVersion !== VERSION || doc.notebookId !== this.ctx.store.meta.id || !Array.isArray(doc.entries))
        return entries;
      for (const entry of doc.entries)
        if (isEntry(entry)) entries.set(entry.key, { coalitions: entry.coalitions, edges: entry.edges, perActor: entry.perActor });
      return entries;
    })();
    return this.entries;
  }

  async get(key: string): Promise<RememberedCoalitions | undefined> {
    const entries = await this.load();
    const found = entries.get(key);
    if (found) {
      entries.delete(key);
      entries.set(key, found);
    }
    return found;
  }

  /** Remembers coalitions and writes the file after any write still under way (one at a time). */
  async put(key: string, found: RememberedCoalitions): Promise<void> {
    const entries = await this.load();
    entries.delete(key);
    entries.set(key, found);
    while (entries.size > KEEP) entries.delete(entries.keys().next().value!);
    if (this.closed) return;
    const doc: CoalitionsFileDoc = {
      format: FORMAT,
      schemaVersion: VERSION,
      notebookId: this.ctx.store.meta.id,
      entries: [...entries].map(([key, found]) => ({ key, ...found })),
    };
    const text = JSON.stringify(doc);
    // A cache that could not be written costs a recomputation next session, nothing else: the
    // network is answered either way.
    this.writing = this.writing.then(() => writeFileAtomic(this.file, text).catch(() => undefined));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
  }
}

const caches = new WeakMap<CoreContext, CoalitionCache>();

/** The notebook's remembered coalitions. */
export function coalitionCache(ctx: CoreContext): CoalitionCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new CoalitionCache(ctx)));
  return cache;
}

/** For the core's close(): waits for a write under way, before the store and its lock go. */
export async function closeCoalitionCache(ctx: CoreContext): Promise<void> {
  const cache = caches.get(ctx);
  if (!cache) return;
  caches.delete(ctx);
  await cache.close();
}
