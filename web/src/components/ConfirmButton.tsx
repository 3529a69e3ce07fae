import { type ReactNode, useId, useRef } from 'react';

/** A button that asks first, in a modal dialog, before doing something that cannot be undone lightly. */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  disabled,
  className = 'button button-secondary button-small',
}: {
  label: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={headingId}>
        {/* method="dialog" closes the dialog with whichever button was pressed. */}
        <form method="dialog">
          <h2 id={headingId}>{title}</h2>
          <div className="dialog-body">{message}</div>
          <div className="dialog-actions">
            <button type="submit" value="cancel" className="button button-secondary">
              Cancel
            </button>
            <button type="submit" value="confirm" className="button button-danger" onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
