import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import '../styles/dialogs.css';

interface AppDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
  size?: 'small' | 'medium' | 'large';
  testId?: string;
}

/**
 * A modal dialog on react-aria's primitives: focus is trapped and restored, Escape and a click
 * outside close it, and the title names it for assistive technology. Render it only while open.
 */
export function AppDialog({ title, onClose, children, role = 'dialog', size = 'medium', testId }: AppDialogProps) {
  return (
    <ModalOverlay isOpen isDismissable={role === 'dialog'} onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className={`modal modal--${size}`}>
        <Dialog role={role} className="dialog" data-testid={testId}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
