import { type FormEvent, useState } from 'react';
import { ApiError } from '../api';
import { useSession } from '../auth/hooks';
import { lastEndReason, signIn } from '../auth/session';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { SubmitButton } from '../components/FormActions';
import { formatWait } from '../format';
import { Redirect, useSearchParam } from '../router';

/** Where to go after signing in: only paths of this app, never another site or the login page. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

const END_MESSAGE = {
  expired: 'Your session has ended. Sign in again to continue.',
  signedOut: 'You have signed out.',
};

/** A failed sign-in: when to try again after too many failures, else the server's reason. */
export function SignInError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    const at = wait === undefined ? null : new Date(Date.now() + wait * 1000);
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">Too many failed sign-in attempts</p>
        <p data-testid="retry-after">
          {wait === undefined
            ? 'Please wait a while before trying again.'
            : `You can try again in ${formatWait(wait)} (at ${at?.toLocaleTimeString(undefined, {
                hour: '2-digit',
                minute: '2-digit',
              })}).`}
        </p>
        {error.requestId ? (
          <p className="notice-meta">
            Request ID: <code>{error.requestId}</code>
          </p>
        ) : null}
      </div>
    );
  }
  return <ErrorNotice error={error} title="Could not sign in" />;
}

export function LoginPage() {
  const session = useSession();
  const next = safeNext(useSearchParam('next'));
  const [endReason] = useState(lastEndReason);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Signed in (now, or already in this tab): go where the visitor was heading.
  if (session) return <Redirect to={next} />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn({ email: email.trim(), password });
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout title="Sign in">
      {endReason && !error ? (
        <p className="notice notice-info" role="status">
          {END_MESSAGE[endReason]}
        </p>
      ) : null}
      {error ? <SignInError error={error} /> : null}
      <form className="form" onSubmit={submit} aria-busy={submitting}>
        <InputField
          id="login-email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <InputField
          id="login-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <SubmitButton
          label="Sign in"
          pendingLabel="Signing in…"
          pending={submitting}
          className="button button-block"
        />
      </form>
      <p className="auth-hint muted">Invited by your administrator? Use the invitation link you were sent.</p>
    </AuthLayout>
  );
}
