import { findInBackups } from './backups';
import type { DocumentKind, DocumentOf, ShardDoc } from './documents';
import type { DocumentProblem } from './errors';
import { writeFileAtomic } from './fs-durable';
import { abs, shardRel } from './layout';
import { quarantineFile } from './quarantine';
import type { OpenReport } from './types';

/** What to hold when no backup has a good copy, and how to say so. */
export interface Fallback<T> {
  doc: T;
  outcome: string;
}

/**
 * Recovery of unreadable or missing files: the original bytes go to quarantine/ (never
 * overwritten), the newest good copy comes back from backups/, otherwise the caller's fallback;
 * each case leaves a RecoveryNote in the open report.
 */
export class Recovery {
  constructor(
    private readonly dir: string,
    private readonly now: () => Date,
    readonly report: OpenReport,
  ) {}

  /** Quarantines `rel` (when it exists) and records the note; returns where it went. */
  async quarantine(rel: string, problem: DocumentProblem | null, outcome: string): Promise<string | null> {
    const quarantinedAs = problem ? await quarantineFile(this.dir, rel, this.now()) : null;
    this.note(rel, problem, quarantinedAs, outcome);
    return quarantinedAs;
  }

  note(rel: string, problem: DocumentProblem | null, quarantinedAs: string | null, outcome: string): void {
    this.report.recovered.push({
      file: rel,
      problem: problem ? `${rel} ${problem.problem}` : `${rel} is missing`,
      quarantinedAs,
      outcome,
    });
  }

  /** Recovers a whole-file document: backup copy (written back in place) or the fallback. */
  async recoverDocument<K extends DocumentKind>(
    kind: K,
    rel: string,
    problem: DocumentProblem | null,
    fallback: () => Fallback<DocumentOf<K>>,
  ): Promise<DocumentOf<K>> {
    const quarantinedAs = problem ? await quarantineFile(this.dir, rel, this.now()) : null;
    const copy = await findInBackups(this.dir, rel, kind);
    if (copy) {
      await writeFileAtomic(abs(this.dir, rel), copy.text);
      this.note(
        rel,
        problem,
        quarantinedAs,
        kind === 'codebook'
          ? `the codebook was rolled back to backup ${copy.backup}: actors, issues, stances and tags added or changed after that backup are lost`
          : `restored from backup ${copy.backup}; changes made after that backup are lost`,
      );
      return copy.doc;
    }
    const { doc, outcome } = fallback();
    this.note(rel, problem, quarantinedAs, outcome);
    return doc;
  }

  /**
   * Recovers one article shard from the newest backup holding a good copy; null when none does.
   * The caller writes the returned shard and updates the index.
   */
  async recoverShard(id: string, problem: DocumentProblem | null, title: string): Promise<ShardDoc | null> {
    const rel = shardRel(id);
    const quarantinedAs = problem ? await quarantineFile(this.dir, rel, this.now()) : null;
    const copy = await findInBackups(this.dir, rel, 'shard');
    if (copy) {
      this.note(
        rel,
        problem,
        quarantinedAs,
        `article "${title}" restored from backup ${copy.backup} with ${copy.doc.claims.length} claims; changes made after that backup are lost`,
      );
      return copy.doc;
    }
    this.note(
      rel,
      problem,
      quarantinedAs,
      `no backup holds article "${title}"; it was removed from the library` + (quarantinedAs ? ` (its file is kept in ${quarantinedAs})` : ''),
    );
    return null;
  }
}
