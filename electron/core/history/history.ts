import { UserError } from '../../../shared/api';
import type { CoreContext } from '../context';
import { applySide, assertStateIs, isEmptyChange, type ChangeSet } from './change-set';
import { auditForward, auditedSide } from '../coders/audit-steps';

/** What undo and redo would do now (the `getHistory` answer). */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** How many steps undo can go back; older steps are forgotten first. */
export const HISTORY_LIMIT = 500;

/** What an action hands to {@link AnnotationHistory.perform}: its change set and its answer. */
export interface Planned<T> {
  change: ChangeSet | null;
  result: T;
}

/**
 * The session's undo/redo history for annotation and codebook changes. Every recorded action
 * runs through `perform`, one at a time, so an action's read-validate-write cannot interleave
 * with another's (two quick renames would otherwise lose one). Lives in memory: closing the
 * notebook forgets it, as in any editor.
 */
export class AnnotationHistory {
  private done: ChangeSet[] = [];
  private undone: ChangeSet[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: CoreContext,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  /**
   * Runs `plan` (which reads and validates, writing nothing), then writes its change set and
   * records it as one undo step. A plan that throws leaves the notebook and the history as they
   * were. A new step clears the redo stack.
   */
  perform<T>(plan: () => Promise<Planned<T>>): Promise<T> {
    return this.exclusive(async () => {
      const { change, result } = await plan();
      if (!change || isEmptyChange(change)) return result;
      // Who changed what is appended to each claim's history (and so is part of the step's `after`).
      await auditForward(this.ctx, change);
      await applySide(this.ctx, change, 'after');
      // A private copy: the action's answer shares objects with the set, and a caller in the
      // same process (CLI, tests) may change what it was given.
      this.done.push(structuredClone(change));
      if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
      this.undone = [];
      return result;
    });
  }

  /** Puts back the state before the last step. Refuses, changing nothing, if it was edited since. */
  undo(): Promise<{ label: string }> {
    return this.exclusive(async () => {
      const step = this.done.at(-1);
      if (!step) throw new UserError('conflict', 'There is nothing to undo in this session.');
      await this.guard(step, 'after');
      // Undo is a change like any other in the claims' history: entries are appended, never taken back.
      await applySide(this.ctx, await auditedSide(this.ctx, step, 'before', `Undo: ${step.label}`), 'before');
      this.done.pop();
      this.undone.push(step);
      return { label: step.label };
    });
  }

  /** Does again the last undone step. */
  redo(): Promise<{ label: string }> {
    return this.exclusive(async () => {
      const step = this.undone.at(-1);
      if (!step) throw new UserError('conflict', 'There is nothing to redo.');
      await this.guard(step, 'before');
      await applySide(this.ctx, await auditedSide(this.ctx, step, 'after', `Redo: ${step.label}`), 'after');
      this.undone.pop();
      this.done.push(step);
      return { label: step.label };
    });
  }

  state(): HistoryState {
    const undo = this.done.at(-1);
    const redo = this.undone.at(-1);
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }

  /** The state once the changes already asked for have run, so a client never sees a stale label. */
  settledState(): Promise<HistoryState> {
    return this.exclusive(async () => this.state());
  }

  /** Forgets every step, e.g. once a host has finished seeding a new notebook. */
  clear(): void {
    this.done = [];
    this.undone = [];
  }

  /**
   * A step whose records changed outside the history (another window, an import) cannot be
   * replayed safely, and neither can the steps under it: the history is dropped, nothing written.
   */
  private async guard(step: ChangeSet, expected: 'before' | 'after'): Promise<void> {
    try {
      await assertStateIs(this.ctx, step, expected);
    } catch (error) {
      this.clear();
      throw error;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const histories = new WeakMap<CoreContext, AnnotationHistory>();

/** The history of the notebook open in `ctx`, created on first use. */
export function historyOf(ctx: CoreContext): AnnotationHistory {
  let history = histories.get(ctx);
  if (!history) {
    history = new AnnotationHistory(ctx);
    histories.set(ctx, history);
  }
  return history;
}
