// The two ways out of the process: SMTP (nodemailer) and an HTTP POST. Each answers with what the
// attempt log records — ok, the response code, the error — and never throws.
import { SIGNATURE_HEADER, sign } from './signature.ts';

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** Retrying cannot help (nothing to send with): the delivery fails at once. */
  permanent?: boolean;
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface MailSettings {
  smtpUrl: string | undefined;
  smtpFrom: string;
  timeoutMs: number;
}

const clip = (s: string) => s.replaceAll('\u0000', '').slice(0, 500);

export async function sendMail(settings: MailSettings, mail: Mail): Promise<AttemptOutcome> {
  if (!settings.smtpUrl)
    return { ok: false, statusCode: null, error: 'SMTP is not configured (set SMTP_URL)', permanent: true };
  // Loaded on first use: nodemailer costs a third of a second at start-up that most servers never need.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
  try {
    const info = await transport.sendMail({ from: settings.smtpFrom, ...mail });
    const code = Number(/^(\d{3})/.exec(info.response ?? '')?.[1] ?? 250);
    return { ok: true, statusCode: code, error: null };
  } catch (err) {
    const e = err as { responseCode?: number; code?: string; message?: string };
    const reason = [e.code, e.message].filter(Boolean).join(': ');
    return { ok: false, statusCode: e.responseCode ?? null, error: clip(reason || String(err)) };
  } finally {
    transport.close();
  }
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  secret: string;
  body: string;
  deliveryId: string;
  eventKind: string;
  timeoutMs: number;
}

export async function postWebhook(req: WebhookRequest): Promise<AttemptOutcome> {
  try {
    const response = await fetch(req.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
      headers: {
        ...req.headers,
        'content-type': 'application/json',
        'user-agent': 'PlantIntel-Webhooks/1',
        [SIGNATURE_HEADER]: sign(req.secret, req.body),
        'PlantIntel-Delivery': req.deliveryId,
        'PlantIntel-Event': req.eventKind,
      },
      body: req.body,
    });
    // The answer's body is not needed: drop it without reading a possibly endless stream.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300)
      return { ok: true, statusCode: response.status, error: null };
    return {
      ok: false,
      statusCode: response.status,
      error: `The endpoint answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError'
        ? `No answer within ${req.timeoutMs} ms`
        : [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
    return { ok: false, statusCode: null, error: clip(reason) };
  }
}
