// Webhook signatures, as Stripe does them: `PlantIntel-Signature: t=<unix seconds>,v1=<hex>` where
// the hex is HMAC-SHA256 of "<t>.<raw body>" under the channel's secret. The timestamp in the signed
// text lets a receiver refuse replays older than its tolerance.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'PlantIntel-Signature';

/** A new signing secret: shown once when the channel is created. */
export const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export function sign(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver does: true when `header` signs `body` and is at most `toleranceSeconds` old. */
export function verify(
  secret: string,
  body: string,
  header: string,
  { toleranceSeconds = 300, now = new Date() }: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
