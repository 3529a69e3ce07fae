// Every analysis, newest first: by status and facility, searched by name, or those of one import
// (from its page); processing ones update as they go.
import { useState } from 'react';
import { QueryTable } from '../components/DataTable';
import { InputField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { useDebounced } from '../debounce';
import { formatDateTime } from '../format';
import { Link, useSearchParam } from '../router';
import { ANALYSIS_STATUSES, type AnalysisStatus } from './analysis-api';
import { TIER_LABEL } from './analysis-format';
import { useAnalyses } from './analysis-hooks';
import { formatCount, ImportStatusBadge } from './format';
import { FacilitySelect, StatusSelect, useFacilityNames } from './ListFilters';
import { ANALYTICS_ANALYSES_PAGE, ANALYTICS_IMPORTS_PAGE, analysisPath, importPath } from './paths';

const PAGE_SIZE = 25;

export function AnalysesPage() {
  const facilityName = useFacilityNames();
  const importId = useSearchParam('import') ?? undefined;
  const [status, setStatus] = useState<AnalysisStatus | undefined>();
  const [facilityId, setFacilityId] = useState<string | undefined>();
  const [text, setText] = useState('');
  const { offset, setOffset, refilter } = useOffset();
  const q = useDebounced(text.trim(), 300);
  const filtered = Boolean(status || facilityId || q || importId);
  const analyses = useAnalyses({
    limit: PAGE_SIZE,
    offset,
    ...(status ? { status } : {}),
    ...(facilityId ? { facilityId } : {}),
    ...(importId ? { importId } : {}),
    ...(q ? { q } : {}),
  });
  return (
    <>
      <PageHeader title={ANALYTICS_ANALYSES_PAGE.title} description={ANALYTICS_ANALYSES_PAGE.description} />
      <section className="card" aria-labelledby="analyses-heading">
        <h2 id="analyses-heading">Analyses</h2>
        {importId ? (
          <p className="notice notice-info" data-testid="analyses-of-import">
            Only the analyses of <Link to={importPath(importId)}>one import</Link>.{' '}
            <Link to={ANALYTICS_ANALYSES_PAGE.path}>Show all analyses</Link>
          </p>
        ) : null}
        <div className="toolbar">
          <InputField
            id="analyses-q"
            label="Search"
            type="search"
            placeholder="Name"
            value={text}
            onChange={refilter(setText)}
          />
          <StatusSelect
            id="analyses-status"
            statuses={ANALYSIS_STATUSES}
            value={status}
            onChange={refilter(setStatus)}
          />
          <FacilitySelect
            id="analyses-facility"
            value={facilityId}
            onChange={refilter(setFacilityId)}
            none="All facilities"
          />
        </div>
        <QueryTable
          query={analyses}
          loading="Loading analyses…"
          errorTitle="Could not load the analyses"
          emptyTestId="analyses-empty"
          empty={
            filtered ? (
              'No analyses match these filters.'
            ) : (
              <>
                No analysis yet: every completed <Link to={ANALYTICS_IMPORTS_PAGE.path}>import</Link> starts
                one.
              </>
            )
          }
          columns={['Analysis', 'Status', 'Data tier', 'Findings', 'Work orders', 'Facility', 'Started']}
          dense
          caption="Analyses, newest first"
          testId="analyses-table"
          row={(a) => (
            <tr data-testid={`analysis-row-${a.id}`} data-status={a.status}>
              <td>
                <Link to={analysisPath(a.id)} className="import-file">
                  {a.name}
                </Link>
              </td>
              <td>
                <ImportStatusBadge status={a.status} />
              </td>
              <td title={a.dataTier === null ? undefined : TIER_LABEL[a.dataTier]}>
                {a.dataTier === null ? '—' : `${a.dataTier} of 4`}
              </td>
              <td className="cell-number" data-testid="analysis-findings">
                {a.status === 'completed' ? formatCount(a.insightCount) : '—'}
              </td>
              <td className="cell-number">{formatCount(a.rowCount)}</td>
              <td>{facilityName(a.facilityId)}</td>
              <td className="cell-nowrap">
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
              </td>
            </tr>
          )}
        />
        <Pagination page={analyses.data} onChange={setOffset} label="Analyses" />
      </section>
    </>
  );
}
