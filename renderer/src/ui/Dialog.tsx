import { useRef, useState, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { errorText } from '../components/status-context';
import '../styles/dialogs.css';

/** The dialog's main action: its button, run on a click, on Enter in a field, and on Ctrl+Enter (⌘+Enter) anywhere in the dialog. */
export interface DialogAction {
  label: string;
  /** Shown on the button while the action runs ("Deleting…"); the label otherwise. */
  busyLabel?: string;
  /**
   * The work. A thrown error's message is shown in the dialog (role="alert") and the dialog
   * stays open for another try; throw an Error with the analyst's words for a form that is not
   * ready ("There is no text to import…").
   */
  run(): Promise<unknown> | void;
  /** `danger` for actions that delete; `primary` otherwise. */
  tone?: 'primary' | 'danger';
  /** The action's button has focus first (a deliberate confirmation); else the cancel button or the body's own autoFocus does. */
  autoFocus?: boolean;
  testId?: string;
}

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
  size?: 'small' | 'medium' | 'large';
  testId?: string;
  /** The main action; without one the dialog has only the close button (or the footer it is given). */
  action?: DialogAction;
  /** The button that closes without acting: "Cancel" unless named ("Keep it"); focus first with autoFocus. */
  cancel?: { label?: string; autoFocus?: boolean };
  /** More footer content, before the buttons (e.g. a file picker). */
  extra?: ReactNode;
  /** A footer of its own instead of the action and cancel buttons (dialogs that only show something). */
  footer?: ReactNode;
  /** A dialog that only shows something: its one button, which closes it ("Close", "Done"). */
  close?: { label: string; primary?: boolean; autoFocus?: boolean };
  /** data-testid of the error line. */
  errorTestId?: string;
  /** Class of the dialog's form (with an action), for the body's layout. */
  className?: string;
  /** Below the footer (e.g. a list of earlier versions). */
  after?: ReactNode;
  /** A problem from other work of the dialog (e.g. a file picked): shown on the same error line when it changes. */
  problem?: string | null;
}

/**
 * Every dialog of the app. A modal on react-aria's primitives: focus is trapped and restored,
 * Escape (and, for a plain dialog, a click outside) closes it, the title names it for assistive
 * technology. With an `action` it also owns what each dialog used to repeat: the footer
 * (cancel + action), the busy state (the action's button says so and ignores repeats, never
 * disabled, which would drop focus out of the dialog), the error line, and Ctrl+Enter.
 * Render it only while open.
 */
export function Dialog({
  title,
  onClose,
  children,
  role = 'dialog',
  size = 'medium',
  testId,
  action,
  cancel,
  extra,
  footer,
  close,
  errorTestId,
  className,
  after,
  problem: otherProblem = null,
}: DialogProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef(false);
  // One error line: the latest problem, the action's or the other work's (taken when it changes).
  const [seenOther, setSeenOther] = useState(otherProblem);
  if (otherProblem !== seenOther) {
    setSeenOther(otherProblem);
    setProblem(otherProblem);
  }

  const act = async () => {
    if (!action || running.current) return;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await action.run();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const errorLine = problem && (
    <p role="alert" className="form-error" data-testid={errorTestId}>
      {problem}
    </p>
  );

  const buttons = action ? (
    <div className="dialog-actions">
      {extra}
      {extra && <span className="toolbar-spacer" />}
      <button type="button" className="button" autoFocus={cancel?.autoFocus} onClick={onClose}>
        {cancel?.label ?? 'Cancel'}
      </button>
      <button
        type="submit"
        className={`button ${action.tone === 'danger' ? 'button--danger-solid' : 'button--primary'}`}
        autoFocus={action.autoFocus}
        aria-disabled={busy || undefined}
        data-testid={action.testId}
      >
        {busy && action.busyLabel ? action.busyLabel : action.label}
      </button>
    </div>
  ) : close ? (
    <div className="dialog-actions">
      <button type="button" className={`button${close.primary ? ' button--primary' : ''}`} autoFocus={close.autoFocus} onClick={onClose}>
        {close.label}
      </button>
    </div>
  ) : (
    footer
  );

  return (
    <ModalOverlay isOpen isDismissable={role === 'dialog'} onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className={`modal modal--${size}`}>
        <AriaDialog role={role} className="dialog" data-testid={testId}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {action ? (
            <form
              className={className}
              onSubmit={(event) => {
                event.preventDefault();
                void act();
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  void act();
                }
              }}
            >
              {children}
              {errorLine}
              {buttons}
              {after}
            </form>
          ) : (
            <>
              {children}
              {errorLine}
              {buttons}
              {after}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

interface ConfirmDialogProps {
  title: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
  /** The action's button: "Delete claim". */
  confirm: string;
  run(): Promise<unknown> | void;
  /** The button that keeps things as they are; "Keep it" unless named. */
  keep?: string;
  /** Which button has focus first: the action (Enter confirms) or, for what cannot be undone, keep. */
  focus?: 'confirm' | 'keep';
}

/** A small alert dialog that asks before something is deleted: the one Dialog with a danger action. */
export function ConfirmDialog({ title, testId, onClose, children, confirm, run, keep = 'Keep it', focus = 'confirm' }: ConfirmDialogProps) {
  const action: DialogAction = { label: confirm, tone: 'danger', autoFocus: focus === 'confirm', run };
  const cancel = { label: keep, autoFocus: focus === 'keep' };
  return (
    <Dialog title={title} role="alertdialog" size="small" onClose={onClose} testId={testId} cancel={cancel} action={action}>
      {children}
    </Dialog>
  );
}
