// A part's address leads on to the review of its first image (the part's other images are a click
// away there).
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Redirect } from '../router';
import { useTrigger } from './hooks';
import { imagePath } from './paths';

export function TriggerPage({ id }: { id: string }) {
  const trigger = useTrigger(id);
  const first = trigger.data?.images[0]?.image;
  if (first) return <Redirect to={imagePath(first.id)} />;
  return (
    <>
      <PageHeader
        title="Part inspection"
        description="The images of one part, with their defects and verdicts."
      />
      {trigger.isPending ? <p className="state-message">Loading the part…</p> : null}
      {trigger.isError ? <ErrorNotice error={trigger.error} title="Could not load the part" /> : null}
      {trigger.data ? (
        <p className="state-message card">
          Part {trigger.data.trigger.partSerial} has no images: its verdict is {trigger.data.trigger.verdict}.
        </p>
      ) : null}
    </>
  );
}
