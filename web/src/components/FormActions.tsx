interface SubmitProps {
  label: string;
  /** Shown while the request runs ("Saving…"). */
  pendingLabel: string;
  pending: boolean;
  /** Disabled for another reason than a request running. */
  disabled?: boolean;
}

/** A form's submit button: disabled, and saying what it does, while its request runs. */
export function SubmitButton({
  label,
  pendingLabel,
  pending,
  disabled = false,
  className = 'button',
}: SubmitProps & { className?: string }) {
  return (
    <button type="submit" className={className} disabled={pending || disabled}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The foot of a form: submit, and Cancel where the form can be left without saving. */
export function FormActions({
  onCancel,
  small = false,
  ...submit
}: SubmitProps & { onCancel?: () => void; small?: boolean }) {
  const size = small ? ' button-small' : '';
  return (
    <div className="form-actions">
      <SubmitButton {...submit} className={`button${size}`} />
      {onCancel ? (
        <button type="button" className={`button button-secondary${size}`} onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
