import { useState } from 'react';
import type { Article } from '../../../../shared/model';
import { api } from '../../api/client';
import { errorText, useStatus } from '../../components/status-context';
import { useCoder } from './coder-queries';

/**
 * Above the article: whether it is blind double-coded, and the coder's "done" mark. While it is
 * blind and the coder is not done, the core sends only the coder's own claims (getArticle).
 */
export function BlindCodingBar({ article }: { article: Article }) {
  const status = useStatus();
  const coder = useCoder();
  const [busy, setBusy] = useState(false);
  const coding = article.doubleCoding;
  const done = !!coder.data && !!coding?.done.includes(coder.data.id);

  const run = async (work: () => Promise<unknown>, said: string) => {
    setBusy(true);
    try {
      await work();
      status.announce(said);
    } catch (error) {
      status.reportError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`blind-bar${coding?.blind ? ' blind-bar--on' : ''}`} data-testid="blind-bar">
      <label className="blind-bar__toggle">
        <input
          type="checkbox"
          checked={!!coding?.blind}
          disabled={busy}
          onChange={(e) => {
            const blind = e.target.checked;
            void run(
              () => api.setDoubleCoding({ articleId: article.id, blind }),
              blind ? 'Blind double coding is on for this article.' : 'Blind double coding is off.',
            );
          }}
        />{' '}
        Blind double coding
      </label>
      {coding?.blind && (
        <>
          <span className="blind-bar__note">
            {done
              ? `You are done: everyone's claims are shown (${coding.done.length} coder${coding.done.length === 1 ? '' : 's'} done).`
              : 'You see only your own claims until you mark this article done.'}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={busy || !coder.data}
            title={coder.data ? undefined : 'Set your coder name first'}
            onClick={() =>
              void run(
                () => api.markCodingDone({ articleId: article.id, done: !done }),
                done ? 'Marked not done: others’ claims are hidden again.' : 'Marked done: everyone’s claims are shown.',
              )
            }
          >
            {done ? 'Not done yet' : 'Mark done'}
          </button>
        </>
      )}
    </div>
  );
}
