// What can be done with a decision, by its status, for analysts and admins: approve a proposal
// (with an optional note) or reject it (saying why), execute an approved one (creates its purchase
// orders). Who decided, when and why shows to everyone.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { TextareaField } from '../components/Field';
import { formatDateTime } from '../format';
import type { Decision } from './api';
import { useApprove, useExecute, useReject } from './hooks';

function ApproveOrReject({ decision }: { decision: Decision }) {
  const [note, setNote] = useState('');
  const approve = useApprove(decision.id);
  const reject = useReject(decision.id);
  const busy = approve.isPending || reject.isPending;
  const proposed = decision.status === 'proposed';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    approve.mutate(note.trim());
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Approve or reject" aria-busy={busy}>
      {approve.isError ? <ErrorNotice error={approve.error} title="Could not approve the decision" /> : null}
      {reject.isError ? <ErrorNotice error={reject.error} title="Could not reject the decision" /> : null}
      <TextareaField
        id="decision-note"
        label={proposed ? 'Note (optional to approve, needed to reject)' : 'Why reject it'}
        rows={2}
        maxLength={1000}
        value={note}
        onChange={setNote}
      />
      <div className="form-actions">
        {proposed ? (
          <button type="submit" className="button" disabled={busy}>
            {approve.isPending ? 'Approving…' : 'Approve'}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-danger"
          disabled={busy || note.trim() === ''}
          title={note.trim() === '' ? 'Say why in the note first' : undefined}
          onClick={() => reject.mutate(note.trim())}
        >
          {reject.isPending ? 'Rejecting…' : 'Reject'}
        </button>
      </div>
    </form>
  );
}

function Execute({ decision, message }: { decision: Decision; message: ReactNode | undefined }) {
  const execute = useExecute(decision.id);
  return (
    <div className="form-actions">
      {execute.isError ? <ErrorNotice error={execute.error} title="Could not execute the decision" /> : null}
      <ConfirmButton
        label={execute.isPending ? 'Executing…' : 'Execute'}
        className="button"
        disabled={execute.isPending}
        title="Execute this decision?"
        message={
          message ?? (
            <p>
              Creates its purchase orders ({decision.actionCount} lines) and puts their quantities on order at
              the warehouses.
            </p>
          )
        }
        confirmLabel="Execute"
        onConfirm={() => execute.mutate(undefined)}
      />
    </div>
  );
}

export function DecisionControls({
  decision,
  canDecide,
  executeMessage,
}: {
  decision: Decision;
  canDecide: boolean;
  /** What executing does, when not a replenishment's purchase orders (routing: vehicle assignments). */
  executeMessage?: ReactNode;
}) {
  const open = decision.status === 'proposed' || decision.status === 'approved';
  const decided = decision.decidedAt !== null;
  if (!decided && !(canDecide && open)) return null;
  return (
    <section className="card" aria-labelledby="decision-controls-heading">
      <h2 id="decision-controls-heading">Approval</h2>
      {decided ? (
        <dl className="facts">
          <Fact label={decision.status === 'rejected' ? 'Rejected' : 'Approved'} testId="decision-decided">
            {formatDateTime(decision.decidedAt)}
          </Fact>
          {decision.decisionNote ? <Fact label="Note">{decision.decisionNote}</Fact> : null}
          {decision.executedAt ? (
            <Fact label="Executed" testId="decision-executed">
              {formatDateTime(decision.executedAt)}
            </Fact>
          ) : null}
        </dl>
      ) : null}
      {canDecide && open ? <ApproveOrReject key={decision.status} decision={decision} /> : null}
      {canDecide && decision.status === 'approved' ? (
        <Execute decision={decision} message={executeMessage} />
      ) : null}
    </section>
  );
}
