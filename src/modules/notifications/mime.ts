// Just enough MIME to read back what notification emails contain — headers (with RFC 2047 encoded
// words), multipart bodies, quoted-printable and base64 — for the SMTP sink and the tests.

export interface ParsedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  // Unfold continuation lines, then one header per line.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

/** `=?utf-8?B?…?=` and `=?utf-8?Q?…?=` words, as in subjects and file names. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const param = (header: string | undefined, name: string) => {
  const m = new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header ?? '');
  return m ? decodeWords(m[1] ?? m[2] ?? '') : undefined;
};

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const soft = part.body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const hex = soft.slice(i + 1, i + 3);
      if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(part.body, 'utf8');
}

const addresses = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((a) => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim())
    .filter(Boolean);

export function parseMail(raw: string): ParsedMail {
  const top = splitPart(raw);
  const mail: ParsedMail = {
    from: decodeWords(top.headers.get('from') ?? ''),
    to: addresses(top.headers.get('to')),
    subject: decodeWords(top.headers.get('subject') ?? ''),
    text: '',
    html: '',
    attachments: [],
  };
  const walk = (part: Part) => {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const boundary = param(type, 'boundary');
    if (/^multipart\//i.test(type) && boundary) {
      const sections = part.body.split(`--${boundary}`);
      // Before the first boundary is the preamble; after the closing `--` the epilogue.
      for (const section of sections.slice(1)) {
        if (section.startsWith('--')) break;
        walk(splitPart(section.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
      }
      return;
    }
    const disposition = part.headers.get('content-disposition') ?? '';
    const filename = param(disposition, 'filename') ?? param(type, 'name');
    const content = decodeBody(part);
    if (/^attachment/i.test(disposition) || filename) {
      mail.attachments.push({
        filename: filename ?? 'attachment',
        contentType: type.split(';')[0] ?? '',
        content,
      });
    } else if (/^text\/html/i.test(type)) mail.html += content.toString('utf8');
    else if (/^text\/plain/i.test(type)) mail.text += content.toString('utf8');
  };
  walk(top);
  return mail;
}
