import { PageHeader } from '../components/PageHeader';
import { Link } from '../router';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <>
      <PageHeader title="Page not found" description={`There is no page at ${path}.`} />
      <section className="card">
        <p>
          Check the address, pick a module from the navigation, or go back to the{' '}
          <Link to="/">Status page</Link>.
        </p>
      </section>
    </>
  );
}
