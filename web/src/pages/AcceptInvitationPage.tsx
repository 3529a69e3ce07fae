import { type FormEvent, useState } from 'react';
import { useMe, useSession } from '../auth/hooks';
import { acceptInvitation, acceptInvitationAs, isSignInRequired } from '../auth/session';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { SubmitButton } from '../components/FormActions';
import { Link, navigate, useSearchParam } from '../router';
import { SignInError } from './LoginPage';

const MIN_PASSWORD_LENGTH = 8;
const TITLE = 'Accept invitation';

/** `new`: a person new to PlantIntel chooses a password; `existing`: they sign in with their account. */
type Mode = 'new' | 'existing';

const accepted = () => navigate('/', { replace: true });

function SwitchButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <p className="auth-hint">
      <button type="button" className="button button-secondary button-block" onClick={onClick}>
        {label}
      </button>
    </p>
  );
}

/** A person new to PlantIntel: chooses the password of their new account and is signed in. */
function ChoosePasswordForm({ token, onSignInRequired }: { token: string; onSignInRequired: () => void }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

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
      accepted();
    } catch (failure) {
      setSubmitting(false);
      if (isSignInRequired(failure)) onSignInRequired();
      else setError(failure);
    }
  };

  return (
    <>
      <p className="auth-intro">
        New to PlantIntel? Choose the password you will sign in with. You are signed in straight after.
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
    </>
  );
}

/** Someone with a PlantIntel account: signs in with it here, and the invitation is accepted for it. */
function SignInAndAcceptForm({ token, toldToSignIn }: { token: string; toldToSignIn: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await acceptInvitationAs(token, { email: email.trim(), password });
      accepted();
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  return (
    <>
      {toldToSignIn && !error ? (
        <p className="notice notice-info" role="status" data-testid="sign-in-required">
          This invitation is for an existing PlantIntel account. Sign in with it to accept the invitation.
        </p>
      ) : (
        <p className="auth-intro">
          Sign in with your PlantIntel account to join the organisation that invited you.
        </p>
      )}
      {error ? <SignInError error={error} /> : null}
      <form className="form" onSubmit={submit} aria-busy={submitting}>
        <InputField
          id="invite-email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <InputField
          id="invite-sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <SubmitButton
          label="Sign in and accept"
          pendingLabel="Signing in…"
          pending={submitting}
          className="button button-block"
        />
      </form>
    </>
  );
}

/** Signed in already: accept with this account in one click. */
function AcceptAsSignedIn({ token, onUseAnother }: { token: string; onUseAnother: () => void }) {
  const me = useMe();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const email = me.data?.user.email;

  const accept = async () => {
    setSubmitting(true);
    setError(null);
    try {
      await acceptInvitationAs(token);
      accepted();
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout title={TITLE}>
      {email ? (
        <p className="auth-intro">
          You are signed in as <strong>{email}</strong>. Accept the invitation with this account to join the
          organisation that invited you; you are signed in to it straight after.
        </p>
      ) : me.isError ? (
        <ErrorNotice error={me.error} title="Could not load your profile" />
      ) : (
        <p className="auth-intro">Checking who is signed in…</p>
      )}
      {error ? <ErrorNotice error={error} title="Could not accept the invitation" /> : null}
      {email ? (
        <button type="button" className="button button-block" disabled={submitting} onClick={accept}>
          {submitting ? 'Accepting…' : `Accept as ${email}`}
        </button>
      ) : null}
      <SwitchButton label="Use another account" onClick={onUseAnother} />
    </AuthLayout>
  );
}

/**
 * Opened from an invitation link (`/accept-invitation?token=…`). A person new to PlantIntel chooses a
 * password; someone with an account accepts with it: signed in already, or by signing in here (the
 * server says so when a new password is tried for an existing account). Either way the tab ends up
 * signed in to the organisation that invited them.
 */
export function AcceptInvitationPage() {
  const token = useSearchParam('token');
  const signedIn = useSession() !== null;
  const [mode, setMode] = useState<Mode>('new');
  const [toldToSignIn, setToldToSignIn] = useState(false);
  const [anotherAccount, setAnotherAccount] = useState(false);

  if (!token) {
    return (
      <AuthLayout title={TITLE}>
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

  if (signedIn && !anotherAccount) {
    return (
      <AcceptAsSignedIn
        token={token}
        onUseAnother={() => {
          setAnotherAccount(true);
          setMode('existing');
        }}
      />
    );
  }

  return (
    <AuthLayout title={TITLE}>
      {mode === 'new' ? (
        <ChoosePasswordForm
          token={token}
          onSignInRequired={() => {
            setToldToSignIn(true);
            setMode('existing');
          }}
        />
      ) : (
        <SignInAndAcceptForm token={token} toldToSignIn={toldToSignIn} />
      )}
      {mode === 'new' ? (
        <SwitchButton label="I already have a PlantIntel account" onClick={() => setMode('existing')} />
      ) : (
        <SwitchButton label="I am new to PlantIntel" onClick={() => setMode('new')} />
      )}
      {signedIn ? (
        <SwitchButton
          label="Accept with the account signed in here"
          onClick={() => setAnotherAccount(false)}
        />
      ) : null}
    </AuthLayout>
  );
}
