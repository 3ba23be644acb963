import { Component, type ErrorInfo, type ReactNode } from 'react';
import '../styles/recovery.css';

interface State {
  error: Error | null;
}

/**
 * Catches an error while drawing the window, so it never goes blank: says what happened, that
 * the notebook is safe (every change is stored when it is made), and offers a reload. The error
 * goes to the console, which the desktop app writes to its error log.
 */
export class CrashScreen extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Stancebook window error:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="crash-screen" role="alert">
        <h1>Something went wrong in this window</h1>
        <p>Your notebook is safe: every change was stored when you made it.</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </p>
        <details>
          <summary>What went wrong</summary>
          <pre>{error.message}</pre>
        </details>
      </main>
    );
  }
}
