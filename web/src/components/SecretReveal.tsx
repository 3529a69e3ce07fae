import { type ReactNode, useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      // navigator.clipboard is missing outside secure contexts (plain HTTP on a plant network).
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <button type="button" className="button button-secondary button-small" onClick={copy}>
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select it and copy' : label}
      </span>
    </button>
  );
}

/** A value that can be copied, selected on focus so it can also be copied by hand. */
export function SecretValue({
  value,
  label,
  copyLabel,
  testId,
}: {
  value: string;
  label: string;
  copyLabel: string;
  testId?: string;
}) {
  return (
    <div className="secret-row">
      <input
        className="secret-value"
        readOnly
        value={value}
        aria-label={label}
        data-testid={testId}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton text={value} label={copyLabel} />
    </div>
  );
}

/** A one-time secret (API key, invitation): shown prominently, with a warning and a way to dismiss it. */
export function SecretReveal({
  title,
  warning,
  onDismiss,
  children,
}: {
  title: string;
  warning: string;
  onDismiss: () => void;
  children: ReactNode;
}) {
  return (
    <section className="card secret-card" aria-label={title}>
      <h2>{title}</h2>
      <p className="secret-warning" role="note">
        <strong>Shown once.</strong> {warning}
      </p>
      {children}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDismiss}>
          Done, I have saved it
        </button>
      </div>
    </section>
  );
}
