// What an MQTT message says: the topic names the tenant (by its topic key), the facility (by code)
// and the sensor (by key); the payload is one reading or an array of them. Pure functions, so the
// bridge to an external broker and the built-in broker read messages the same way.
import { MAX_BATCH, type ReadingInput } from '../ingest.service.ts';

export const TOPIC_ROOT = 'plantintel';
/** What the bridge subscribes to: plantintel/<topic key>/<facility code>/<sensor key>. */
export const TOPIC_FILTER = `${TOPIC_ROOT}/+/+/+`;

/** Why a message was dropped without reaching ingest. */
export type DropReason =
  | 'bad_topic'
  | 'bad_json'
  | 'bad_shape'
  | 'too_many_readings'
  | 'unknown_topic_key'
  | 'unknown_facility'
  /** Failed in ingest on its own, again and again, while the database answered. */
  | 'ingest_failed';

export const DROP_REASONS: readonly DropReason[] = [
  'bad_topic',
  'bad_json',
  'bad_shape',
  'too_many_readings',
  'unknown_topic_key',
  'unknown_facility',
  'ingest_failed',
];

export interface Topic {
  topicKey: string;
  facilityCode: string;
  sensorKey: string;
}

/** The parts of a reading topic, or null when the topic is not one. */
export function parseTopic(topic: string): Topic | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== TOPIC_ROOT) return null;
  const [, topicKey = '', facilityCode = '', sensorKey = ''] = parts;
  if (topicKey === '' || facilityCode === '' || sensorKey === '') return null;
  return { topicKey, facilityCode, sensorKey };
}

/** A topic for logs: the topic key is a credential on a broker that lets anyone publish. */
export function redactTopic(topic: string): string {
  const parts = topic.split('/');
  if (parts.length > 1) parts[1] = '***';
  return parts.join('/').slice(0, 200);
}

type Reading = { ts?: number | string; value: number | string | null };

function readingOf(item: unknown): Reading | null {
  if (typeof item === 'number') return { value: item };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const { ts, value } = item as { ts?: unknown; value?: unknown };
  if (value !== null && typeof value !== 'number' && typeof value !== 'string') return null;
  if (ts !== undefined && ts !== null && typeof ts !== 'number' && typeof ts !== 'string') return null;
  return ts === undefined || ts === null ? { value } : { ts, value };
}

/**
 * The readings of a payload: `{"ts": …, "value": …}`, an array of those, or a bare number (a value
 * measured now). `ts` is epoch milliseconds or an ISO 8601 string; absent means now. Values that are
 * not finite numbers still reach ingest, which counts them as rejected (non_finite_value).
 */
export function parsePayload(payload: Buffer | string, sensorKey: string): ReadingInput[] | DropReason {
  let doc: unknown;
  try {
    doc = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return 'bad_json';
  }
  const items = Array.isArray(doc) ? doc : [doc];
  if (items.length === 0) return 'bad_shape';
  if (items.length > MAX_BATCH) return 'too_many_readings';
  const rows: ReadingInput[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const reading = readingOf(items[i]);
    if (!reading) return 'bad_shape';
    rows[i] = { sensorKey, ts: reading.ts, value: reading.value };
  }
  return rows;
}
