import { expect } from 'vitest';
import { dispatch, type MethodName, type NotebookChanged, type RequestOf } from '../../../../shared/api';
import type { Claim } from '../../../../shared/model';
import { historyOf } from '../../../../electron/core/history/history';
import { openTempNotebook, settledSnapshot, type TempNotebook } from '../../helpers/temp-notebook';

/** A temp notebook with the sample, its seeding forgotten by the undo history, and a log of change events. */
export interface AnnotateFixture extends TempNotebook {
  events: NotebookChanged[];
  claims(): Promise<Claim[]>;
  claimByQuote(start: string): Promise<Claim>;
  /** The sample article's range holding `quote` (its first occurrence), to make a claim on. */
  sampleRange(quote: string): Promise<{ articleId: string; start: number; end: number }>;
  /** Calls a method through dispatch (so the request is validated) and expects a refusal. */
  refuses<K extends MethodName>(name: K, request: RequestOf<K>, message: RegExp): Promise<void>;
}

export async function openAnnotateFixture(options: { sample?: boolean } = {}): Promise<AnnotateFixture> {
  const nb = await openTempNotebook(options);
  // The sample's claims are created through createClaim when the notebook is made; they are
  // not the analyst's changes, so the tests start from an empty history.
  historyOf(nb.core.context).clear();
  const events: NotebookChanged[] = [];
  nb.core.onChanged((event) => events.push(event));
  const claims = async () => (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims;
  return Object.assign(nb, {
    events,
    claims,
    claimByQuote: async (start: string) => {
      const found = (await claims()).find((c) => c.target.quote.exact.startsWith(start));
      if (!found) throw new Error(`no sample claim starts with ${start}`);
      return found;
    },
    sampleRange: async (quote: string) => {
      const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
      const start = article.text.indexOf(quote);
      if (start < 0) throw new Error(`not in the sample: ${quote}`);
      return { articleId: nb.sampleId, start, end: start + quote.length };
    },
    refuses: async <K extends MethodName>(name: K, request: RequestOf<K>, message: RegExp) => {
      const before = await settledSnapshot(nb);
      const result = await dispatch(nb.core.handlers, name, request);
      expect(result.ok, `${name} should have been refused`).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(await settledSnapshot(nb)).toEqual(before);
    },
  });
}

/** The sample article's text with the edits the revision tests make. */
export function editedSample(text: string): string {
  const lines = text.split('\n');
  // A typo fixed inside the quote of the Sullivan claim (line 5).
  lines[5] = lines[5]!.replace('destabilizing', 'destabilising');
  // The Taiwan paragraph, which holds two claims, is deleted.
  lines.splice(6, 1);
  // A new paragraph goes in before the South China Sea paragraph.
  lines.splice(5, 0, 'Officials on both sides declined to comment further on the schedule.');
  return lines.join('\n');
}

/**
 * A claim (or claims) without its audit trail (`history`, `updatedBy`): undo and redo bring a
 * claim's coding back exactly and append to its history, which is never rewritten.
 */
export function withoutAudit<T extends Claim | Claim[] | null | undefined>(value: T): T {
  const strip = ({ history: _history, updatedBy: _updatedBy, ...rest }: Claim) => rest;
  if (Array.isArray(value)) return value.map(strip) as T;
  return (value ? strip(value) : value) as T;
}
