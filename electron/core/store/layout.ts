import path from 'node:path';

/**
 * Where everything lives inside a notebook folder. Names are part of the on-disk format:
 * change them only with a migration.
 */
export const FILES = {
  meta: 'notebook.json',
  codebook: 'codebook.json',
  briefs: 'briefs.json',
  library: 'library.json',
  journal: 'library.journal',
  lock: '.lock',
} as const;

export const DIRS = {
  articles: 'articles',
  trash: 'trash',
  backups: 'backups',
  quarantine: 'quarantine',
} as const;

/** Ids become file names: encoded so that no id can reach outside its folder. */
function encodeId(id: string): string {
  return encodeURIComponent(id).replace(/\./g, '%2E');
}

/** The shard file of one article, relative to the notebook folder (always with "/"). */
export function shardRel(articleId: string): string {
  return `${DIRS.articles}/${encodeId(articleId)}.json`;
}

/** The article id a shard file name stands for, or null for names that are not shards. */
export function idFromShardName(name: string): string | null {
  if (!name.endsWith('.json') || name.includes('.tmp-')) return null;
  try {
    return decodeURIComponent(name.slice(0, -'.json'.length));
  } catch {
    return null;
  }
}

/** The trash file of one deleted item, relative to the notebook folder. */
export function trashRel(kind: 'article' | 'claim' | 'brief', id: string): string {
  return `${DIRS.trash}/${kind}-${encodeId(id)}.json`;
}

/** Absolute path of a relative notebook path. */
export function abs(dir: string, rel: string): string {
  return path.join(dir, ...rel.split('/'));
}
