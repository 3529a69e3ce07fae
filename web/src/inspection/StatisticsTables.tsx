// The statistics' breakdowns as tables: per camera, region, disposition (defects and parts), part
// number, and the false positives per camera and defect type.
import type { ReactNode } from 'react';
import { DataTable } from '../components/DataTable';
import type { Statistics } from './api';
import {
  DEFECT_TYPE_LABEL,
  DISPOSITION_LABEL,
  formatCount,
  formatShare,
  PART_DISPOSITION_LABEL,
} from './format';

const share = (part: number, whole: number) => (whole > 0 ? formatShare(part / whole) : '—');

function Breakdown({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {empty ? <p className="state-message">Nothing in this period.</p> : children}
    </section>
  );
}

export function StatisticsTables({ statistics }: { statistics: Statistics }) {
  const { byCamera, byRegion, byDisposition, byPartDisposition, byPartNumber, falsePositiveByCameraAndType } =
    statistics;
  const cameraNames = new Map(byCamera.map((c) => [c.cameraId, c.cameraName]));
  const defects = byDisposition.reduce((n, d) => n + d.count, 0);
  const parts = byPartDisposition.reduce((n, d) => n + d.count, 0);

  return (
    <div className="statistics-tables">
      <Breakdown id="statistics-cameras" title="By camera" empty={byCamera.length === 0}>
        <DataTable
          columns={['Camera', 'Images', 'Failed', 'Failed share', 'Defects']}
          dense
          caption="Figures per camera"
        >
          {byCamera.map((c) => (
            <tr key={c.cameraId}>
              <th scope="row">{c.cameraName}</th>
              <td className="cell-number">{formatCount(c.images)}</td>
              <td className="cell-number">{formatCount(c.failedImages)}</td>
              <td className="cell-number">{share(c.failedImages, c.images)}</td>
              <td className="cell-number">{formatCount(c.defects)}</td>
            </tr>
          ))}
        </DataTable>
      </Breakdown>
      <Breakdown id="statistics-regions" title="By region" empty={byRegion.length === 0}>
        <DataTable columns={['Region', 'Camera', 'Defects']} dense caption="Defects per inspect region">
          {byRegion.map((r) => (
            <tr key={r.regionId}>
              <th scope="row">{r.name ?? 'Removed region'}</th>
              <td>{r.cameraId ? (cameraNames.get(r.cameraId) ?? '—') : '—'}</td>
              <td className="cell-number">{formatCount(r.count)}</td>
            </tr>
          ))}
        </DataTable>
      </Breakdown>
      <Breakdown id="statistics-dispositions" title="By disposition" empty={defects + parts === 0}>
        <DataTable
          columns={['Disposition', 'Of', 'Count', 'Share']}
          dense
          caption="Defects and parts per disposition"
        >
          {byDisposition.map((d) => (
            <tr key={`defect-${d.disposition}`} data-testid={`statistics-defects-${d.disposition}`}>
              <th scope="row">{DISPOSITION_LABEL[d.disposition]}</th>
              <td>Defects</td>
              <td className="cell-number">{formatCount(d.count)}</td>
              <td className="cell-number">{share(d.count, defects)}</td>
            </tr>
          ))}
          {byPartDisposition.map((d) => (
            <tr key={`part-${d.disposition}`} data-testid={`statistics-parts-${d.disposition}`}>
              <th scope="row">{PART_DISPOSITION_LABEL[d.disposition]}</th>
              <td>Parts</td>
              <td className="cell-number">{formatCount(d.count)}</td>
              <td className="cell-number">{share(d.count, parts)}</td>
            </tr>
          ))}
        </DataTable>
      </Breakdown>
      <Breakdown id="statistics-parts" title="By part number" empty={byPartNumber.length === 0}>
        <DataTable
          columns={['Part number', 'Parts', 'Failed', 'Reject rate', 'Defects']}
          dense
          caption="Figures per part number"
        >
          {byPartNumber.map((p) => (
            <tr key={p.partNumber}>
              <th scope="row">{p.partNumber}</th>
              <td className="cell-number">{formatCount(p.triggers)}</td>
              <td className="cell-number">{formatCount(p.failed)}</td>
              <td className="cell-number">{share(p.failed, p.triggers)}</td>
              <td className="cell-number">{formatCount(p.defects)}</td>
            </tr>
          ))}
        </DataTable>
      </Breakdown>
      <Breakdown
        id="statistics-false-positives"
        title="False positives by camera and type"
        empty={falsePositiveByCameraAndType.length === 0}
      >
        <DataTable
          columns={['Camera', 'Type', 'Dispositioned', 'False positives', 'Rate']}
          dense
          caption="False positives per camera and defect type"
        >
          {falsePositiveByCameraAndType.map((f) => (
            <tr key={`${f.cameraId}-${f.type}`}>
              <th scope="row">{f.cameraName}</th>
              <td>{DEFECT_TYPE_LABEL[f.type]}</td>
              <td className="cell-number">{formatCount(f.dispositioned)}</td>
              <td className="cell-number">{formatCount(f.falsePositives)}</td>
              <td className="cell-number">{formatShare(f.rate)}</td>
            </tr>
          ))}
        </DataTable>
      </Breakdown>
    </div>
  );
}
