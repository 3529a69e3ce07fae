// The guard node (pure): PII redaction, a prompt-size limit and refused topics.
//
// Redaction replaces, in this order: e-mail addresses → [REDACTED:email]; IBANs (two letters, two
// check digits, 11–30 more letters/digits, spaces allowed every four) → [REDACTED:iban]; card
// numbers (13–19 digits, spaces or dashes allowed, passing the Luhn check — long digit runs that are
// not cards, such as epoch-millisecond timestamps or serial numbers in plant data, are kept) →
// [REDACTED:card]; phone numbers (an international +… number of 7–15 digits, "(555) 123-4567", or
// "555-123-4567"; bare digit groups such as dates and readings are kept) → [REDACTED:phone].
//
// The prompt limit counts the caller's own prompt (system, messages, tools) estimated at four
// characters a token, not the context a retrieve node adds (that is bounded by its maxChars).
// A refused topic matches as a whole word or phrase, case-insensitively, in any user message.
import { GatewayError, type GatewayRequest, type GuardNodeConfig } from '../../contracts.ts';
import { estimatePromptTokens } from '../tokens.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const PHONE =
  /(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}|\(\d{3}\) ?\d{3}[ .-]\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b)(?![\w])/g;

export type PiiKind = 'email' | 'iban' | 'card' | 'phone';

const digitsOf = (s: string) => s.replace(/\D/g, '');

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The text with PII replaced by [REDACTED:<kind>]. */
export function redactPii(text: string): string {
  if (text === '') return text;
  return text
    .replace(EMAIL, '[REDACTED:email]')
    .replace(IBAN, (m) => (digitsOf(m).length >= 8 ? '[REDACTED:iban]' : m))
    .replace(CARD, (m) => (luhn(digitsOf(m)) ? '[REDACTED:card]' : m))
    .replace(PHONE, (m) => {
      const n = digitsOf(m).length;
      return n >= 7 && n <= 15 ? '[REDACTED:phone]' : m;
    });
}

/** The request with every message, tool-call argument and the system prompt redacted. */
export function redactRequest<R extends Pick<GatewayRequest, 'system' | 'messages'>>(req: R): R {
  return {
    ...req,
    ...(req.system !== undefined && { system: redactPii(req.system) }),
    messages: req.messages.map((m) => ({
      ...m,
      content: redactPii(m.content),
      ...(m.toolCalls && {
        toolCalls: m.toolCalls.map((c) => ({ ...c, arguments: redactPii(c.arguments) })),
      }),
    })),
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first refused topic a user message is about, or null. */
export function refusedTopic(
  req: Pick<GatewayRequest, 'messages'>,
  topics: readonly string[],
): string | null {
  const user = req.messages.filter((m) => m.role === 'user').map((m) => m.content);
  for (const topic of topics) {
    const words = topic.trim().split(/\s+/).filter(Boolean).map(escapeRegex);
    if (words.length === 0) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
    if (user.some((text) => re.test(text))) return topic.trim();
  }
  return null;
}

/**
 * Applies one guard node: returns the (redacted) request and context, or throws GatewayError
 * refused / invalid_request (400).
 */
export function applyGuard<R extends Pick<GatewayRequest, 'system' | 'messages' | 'tools'>>(
  config: GuardNodeConfig,
  req: R,
  context: string[],
): { req: R; context: string[] } {
  const topic = config.refuseTopics?.length ? refusedTopic(req, config.refuseTopics) : null;
  if (topic !== null) {
    throw new GatewayError('refused', 400, `this pipeline does not answer questions about "${topic}"`);
  }
  if (config.maxInputTokens !== undefined) {
    const tokens = estimatePromptTokens(req);
    if (tokens > config.maxInputTokens) {
      throw new GatewayError(
        'invalid_request',
        400,
        `prompt of ~${tokens} tokens exceeds this pipeline's limit of ${config.maxInputTokens}`,
      );
    }
  }
  if (!config.redactPii) return { req, context };
  return { req: redactRequest(req), context: context.map(redactPii) };
}
