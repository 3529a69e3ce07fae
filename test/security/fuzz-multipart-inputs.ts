// Malformed multipart/form-data bodies for fuzz-multipart.test.ts: wrong, missing and mismatched
// boundaries, parts without headers, huge and NUL-bearing field and file names, wrong content types,
// junk and zero-byte files, duplicate fields, truncated bodies, LF-only line ends.
import fc from 'fast-check';

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer;
  /** Leave out the Content-Disposition header (a part with only a type). */
  noDisposition?: boolean;
}

export interface MultipartCase {
  contentType: string;
  body: Buffer;
  label: string;
}

const CSV_LONG = 'sensor_key,ts,value\nFZ-1,2026-01-01T00:00:00Z,1.5\nFZ-1,2026-01-01T00:01:00Z,2\n';
const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('file', 'facilityId', 'stationId', 'autoMap', 'defects') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      'a\u0000b',
      'x'.repeat(10_000),
      'file"; filename="evil',
      '__proto__',
      'SN-0001',
      '../../etc/passwd',
      'profileIds',
      'mappings',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const fileName = fc.option(
  fc.constantFrom('data.csv', 'image.png', '', 'a\u0000.csv', '../../../x.csv', 'y'.repeat(5000), 'ü.xlsx'),
  { nil: undefined },
);

const partType = fc.option(
  fc.constantFrom(
    'text/csv',
    'image/png',
    'application/octet-stream',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
    'text/plain; charset=utf-16',
    'junk',
    '',
  ),
  { nil: undefined },
);

const content = fc.oneof(
  fc.constantFrom(
    Buffer.alloc(0),
    Buffer.from(CSV_LONG),
    Buffer.from('ts,FZ-1\n2026-01-01T00:00:00Z,1\n'),
    Buffer.from('["a","b"]'),
    Buffer.from('{"FZ":[{"cx":1}]}'),
    Buffer.from('true'),
    PNG_HEAD,
    Buffer.from('PK\u0003\u0004not really a zip'),
    Buffer.from('\u0000\u0000\u0000'),
    Buffer.from(`sensor_key,ts,value\n${'FZ-1,notatime,NaN\n'.repeat(2000)}`),
    Buffer.alloc(300_000, 'a'),
  ),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 80 }).map((s) => Buffer.from(s)),
);

const part: fc.Arbitrary<Part> = fc.record(
  {
    name: fieldName,
    filename: fileName,
    contentType: partType,
    content,
    noDisposition: fc.boolean(),
  },
  { requiredKeys: ['name', 'content'] },
);

const boundaryText = fc.oneof(
  fc.constantFrom('fuzzboundary', 'x', `b${'-'.repeat(68)}`, 'with space', 'quo"te'),
  fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/),
);

const header = (p: Part) => {
  const lines: string[] = [];
  if (!p.noDisposition) {
    const file = p.filename === undefined ? '' : `; filename="${p.filename}"`;
    lines.push(`Content-Disposition: form-data; name="${p.name}"${file}`);
  }
  if (p.contentType !== undefined) lines.push(`Content-Type: ${p.contentType}`);
  return lines;
};

/** The bytes of a multipart body with `parts`, written with `eol` line ends and `boundary`. */
export function encode(parts: Part[], boundary: string, eol = '\r\n', closed = true): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}${eol}${header(p).join(eol)}${eol}${eol}`));
    chunks.push(p.content, Buffer.from(eol));
  }
  if (closed) chunks.push(Buffer.from(`--${boundary}--${eol}`));
  return Buffer.concat(chunks);
}

/** A valid CSV upload in field `file`, for the check that the route still works after the junk. */
export function validCsvUpload(csv = CSV_LONG, fields: Record<string, string> = {}): MultipartCase {
  const parts: Part[] = [
    ...Object.entries(fields).map(([name, value]) => ({ name, content: Buffer.from(value) })),
    { name: 'file', filename: 'data.csv', contentType: 'text/csv', content: Buffer.from(csv) },
  ];
  return {
    contentType: 'multipart/form-data; boundary=fuzzok',
    body: encode(parts, 'fuzzok'),
    label: 'valid',
  };
}

/** A well-formed upload: the fields, then a file in field `file` with junk (or valid) contents. */
function wellFormed(extraFields: Part[]): fc.Arbitrary<MultipartCase> {
  return fc
    .record({ extra: fc.subarray(extraFields), file: content, filename: fileName, type: partType })
    .map(({ extra, file, filename, type }) => {
      const parts: Part[] = [
        ...extra,
        { name: 'file', filename: filename ?? 'data.csv', contentType: type ?? 'text/csv', content: file },
      ];
      const label = `well-formed: [${extra.map((p) => p.name).join(',')}] + file of ${file.length} bytes`;
      return { contentType: 'multipart/form-data; boundary=fuzzwf', body: encode(parts, 'fuzzwf'), label };
    });
}

/** One multipart request: malformed (mostly) or well-formed with junk contents. */
export function multipartCase(extraFields: Part[]): fc.Arbitrary<MultipartCase> {
  return fc.oneof(
    { weight: 2, arbitrary: malformed(extraFields) },
    { weight: 1, arbitrary: wellFormed(extraFields) },
  );
}

function malformed(extraFields: Part[]): fc.Arbitrary<MultipartCase> {
  const parts = fc
    .tuple(
      fc.array(part, { maxLength: 6 }),
      fc.subarray(extraFields),
      fc.boolean(), // duplicate the first part
    )
    .map(([junk, extra, duplicate]) => {
      const all = [...extra, ...junk];
      return duplicate && all[0] ? [all[0], ...all] : all;
    });
  return fc
    .record({
      parts,
      boundary: boundaryText,
      // What the Content-Type header says: the body's boundary, another, none, or another type.
      header: fc.constantFrom('same', 'other', 'none', 'empty', 'quoted', 'mixed', 'bare', 'junk'),
      eol: fc.constantFrom('\r\n', '\r\n', '\n'),
      closed: fc.boolean(),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      preamble: fc.constantFrom('', 'preamble junk\r\n', '\u0000'),
    })
    .map(({ parts: ps, boundary, header: h, eol, closed, cut, preamble }) => {
      let body = Buffer.concat([Buffer.from(preamble), encode(ps, boundary, eol, closed)]);
      if (cut !== undefined) body = body.subarray(0, Math.floor(body.length * cut));
      const contentType = {
        same: `multipart/form-data; boundary=${boundary}`,
        other: 'multipart/form-data; boundary=not-the-one',
        none: 'multipart/form-data',
        empty: 'multipart/form-data; boundary=',
        quoted: `multipart/form-data; boundary="${boundary}"`,
        mixed: `multipart/mixed; boundary=${boundary}`,
        bare: `multipart/form-data; boundary=${boundary}; charset=x-junk; boundary=again`,
        junk: 'multipart/x-junk; boundary=;;;',
      }[h];
      const label = `${ps.length} part(s) [${ps.map((p) => p.name.slice(0, 20)).join(',')}], header ${h}, eol ${JSON.stringify(eol)}, closed ${closed}, cut ${cut ?? 'no'}`;
      return { contentType, body, label };
    });
}
