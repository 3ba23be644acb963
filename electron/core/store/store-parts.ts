import type { Low } from 'lowdb';
import type { NotebookMeta } from '../../../shared/model';
import type { BriefsDoc, CodebookDoc, LibraryDoc, ShardDoc } from './documents';
import type { DocumentProblem } from './errors';
import type { LibraryJournal } from './journal';
import type { LibraryIndex } from './library-index';
import type { NotebookLock } from './lock';
import type { PendingShards } from './pending-shards';
import type { ShardStore } from './shard-store';
import type { TrashStore } from './trash-store';
import type { OpenReport } from './types';

/** Everything `openNotebook` prepared; the store owns it from then on. */
export interface StoreParts {
  dir: string;
  meta: NotebookMeta;
  report: OpenReport;
  now: () => Date;
  keepBackups: number;
  compactAfter: number;
  /** Journal size (bytes) after which it is compacted, whatever its line count. */
  compactAfterBytes: number;
  lock: NotebookLock;
  codebook: Low<CodebookDoc>;
  briefs: Low<BriefsDoc>;
  library: Low<LibraryDoc>;
  index: LibraryIndex;
  journal: LibraryJournal;
  shards: ShardStore;
  trash: TrashStore;
  /** Acknowledged claim changes not yet written to their shard and trash files. */
  pending: PendingShards;
  /**
   * Quarantines an unreadable shard and brings back the best copy (from the backups), or null
   * when there is none; records what it did in the report. Runs inside the write queue.
   */
  recoverShard: (id: string, problem: DocumentProblem) => Promise<ShardDoc | null>;
}
