import { useState } from 'react';

const KEY = 'stancebook.welcomeDismissed';
/** The sample's file name, as the first start imports it (electron/core/bootstrap.ts). */
const SAMPLE_FILE = 'us-china-talks-2024.txt';

function dismissed(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether an article is the sample the first start adds. */
export function isSample(article: { importedFrom: { name: string | null } }): boolean {
  return article.importedFrom.name === SAMPLE_FILE;
}

/**
 * The first-run welcome over the sample: what actor, issue and stance mean, how to mark a claim,
 * where to compare. Dismissed once, it stays dismissed (remembered in this browser profile).
 */
export function WelcomeCard({ onOpenPositions }: { onOpenPositions(): void }) {
  const [hidden, setHidden] = useState(dismissed);
  if (hidden) return null;
  const dismiss = () => {
    setHidden(true);
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      // Without storage it shows again next time; nothing else is lost.
    }
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div className="welcome__text">
        <h2 id="welcome-title" className="welcome__title">
          Welcome: a sample article, its claims already marked
        </h2>
        <p>
          Each claim says <strong>who</strong> holds it (the <em>actor</em>: China, the United States), <strong>what</strong> it is about (the{' '}
          <em>issue</em>: Taiwan, trade) and <strong>where they stand</strong> (the <em>stance</em>, from strongly opposes to strongly supports).
          Select words in the text and press <kbd>C</kbd> to mark one yourself; then compare who stands where in Positions.
        </p>
      </div>
      <div className="welcome__actions">
        <button type="button" className="button button--primary button--small" onClick={onOpenPositions}>
          Open Positions
        </button>
        <button type="button" className="button button--small" onClick={dismiss}>
          Got it
        </button>
      </div>
    </section>
  );
}
