import { type FormEvent, useState } from 'react';
import { acceptInvitation } from '../auth/session';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { SubmitButton } from '../components/FormActions';
import { Link, navigate, useSearchParam } from '../router';

const MIN_PASSWORD_LENGTH = 8;

/** Opened from an invitation link (`/accept-invitation?token=…`): choose a password, then signed in. */
export function AcceptInvitationPage() {
  const token = useSearchParam('token');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!token) {
    return (
      <AuthLayout title="Accept invitation">
        <div className="notice notice-error" role="alert">
          <p>
            This address has no invitation token. Open the complete invitation link you were sent, or ask your
            administrator for a new one.
          </p>
        </div>
        <p>
          Already have a password? <Link to="/login">Sign in</Link>
        </p>
      </AuthLayout>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (password.length < MIN_PASSWORD_LENGTH) {
      setProblem(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
      return;
    }
    if (password !== confirmation) {
      setProblem('The two passwords are not the same.');
      return;
    }
    setProblem(null);
    setSubmitting(true);
    try {
      await acceptInvitation({ token, password });
      navigate('/', { replace: true });
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout title="Accept invitation">
      <p className="auth-intro">
        Choose the password you will sign in with. You are signed in straight after.
      </p>
      {error ? <ErrorNotice error={error} title="Could not accept the invitation" /> : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} aria-busy={submitting} noValidate>
        <InputField
          id="invite-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          value={password}
          onChange={setPassword}
          aria-describedby="invite-password-hint"
          hint={
            <p id="invite-password-hint" className="field-hint">
              At least {MIN_PASSWORD_LENGTH} characters.
            </p>
          }
        />
        <InputField
          id="invite-confirmation"
          label="Repeat the password"
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={setConfirmation}
        />
        <SubmitButton
          label="Set password and sign in"
          pendingLabel="Setting your password…"
          pending={submitting}
          className="button button-block"
        />
      </form>
    </AuthLayout>
  );
}
