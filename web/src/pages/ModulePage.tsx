import { PageHeader } from '../components/PageHeader';
import type { ModuleInfo } from '../modules';

export function ModulePage({ module }: { module: ModuleInfo }) {
  return (
    <>
      <PageHeader title={module.title} description={module.description} />
      <section className="card coming-soon" aria-labelledby="coming-soon-heading">
        <h2 id="coming-soon-heading">Coming soon</h2>
        <p>
          This module is not available yet. It will appear here once its server API ships; the Status page
          shows what is running today.
        </p>
      </section>
    </>
  );
}
