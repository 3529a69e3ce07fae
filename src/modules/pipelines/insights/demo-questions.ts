// What the demo's simulated users ask each active demo pipeline: per pipeline a handful of intents,
// each a canonical question and its paraphrases, plus a few everyday requests every sector makes
// (summaries, emails, translations) so the query map has clusters shared across sectors. Most
// requests repeat a canonical question word for word (exact cache hits); some use a paraphrase
// (semantic hits, or misses when the wording strays too far) — as real traffic does.
import { seededRandom } from '../../../platform/random.ts';

/** An intent: its canonical question first, then paraphrases. */
type Intent = readonly string[];

const SHARED: readonly Intent[] = [
  [
    'Summarise this in three bullet points for a busy manager.',
    'Give me a three-bullet summary of this for my manager.',
    'Can you boil this down to three bullet points?',
  ],
  [
    'Draft a polite email explaining the delay to the customer.',
    'Write a courteous email to the customer about the delay.',
    'Please draft an apology email about the delay for the client.',
  ],
  [
    'Translate the answer into Spanish.',
    'Please translate that answer to Spanish.',
    'Can you give me the answer in Spanish?',
  ],
  [
    'Rewrite this in plain language without jargon.',
    'Explain this again in plain words, no jargon.',
    'Rephrase this for a non-expert in plain English.',
  ],
];

export const DEMO_QUESTIONS: Readonly<Record<string, readonly Intent[]>> = {
  'patient-intake': [
    [
      'How should I prepare for a fasting blood test tomorrow morning?',
      'What do I need to do before a fasting blood test tomorrow?',
      'Preparation for a fasting blood test in the morning?',
    ],
    [
      'Can I reschedule my appointment online?',
      'Is it possible to move my appointment online?',
      'How do I reschedule my appointment on the website?',
    ],
    [
      'Which documents should I bring to my first visit?',
      'What documents do I need to bring to the first appointment?',
      'What should I bring with me to my first visit?',
    ],
    [
      'Does my insurance cover a physiotherapy referral?',
      'Is a physiotherapy referral covered by my insurance?',
      'Will insurance pay for a referral to physiotherapy?',
    ],
    [
      'What are the clinic opening hours at weekends?',
      'When is the clinic open on weekends?',
      'Weekend opening hours of the clinic?',
    ],
    [
      'How long does it take to get MRI results?',
      'When will I get the results of my MRI scan?',
      'How many days until MRI results are ready?',
    ],
  ],
  'clinical-notes': [
    [
      'Summarise this discharge note into diagnosis, medication and follow-up.',
      'Turn this discharge note into a summary of diagnosis, medication and follow-up.',
    ],
    [
      'List the medication changes mentioned in this visit note.',
      'Which medication changes does this visit note mention?',
    ],
    [
      'Extract the follow-up actions and their dates from these notes.',
      'What follow-up actions with dates are in these notes?',
    ],
    [
      'Write a handover summary of this patient for the night shift.',
      'Prepare a night-shift handover summary for this patient.',
    ],
  ],
  'fraud-alerts': [
    [
      'Why was this card transaction flagged as suspicious?',
      'Explain why this card payment was flagged as suspicious.',
      'What made this transaction look suspicious?',
    ],
    [
      'Explain the velocity rule that blocked the customer card.',
      "What is the velocity rule that blocked the customer's card?",
      'Why did the velocity rule block this card?',
    ],
    [
      'How should I explain a declined payment abroad to the customer?',
      'What do I tell a customer whose payment abroad was declined?',
      'Wording for a customer whose foreign payment was declined?',
    ],
    ['Is a login from a new device a fraud signal?', 'Does a new device login count as a fraud signal?'],
    [
      'What is the chargeback process for a disputed transaction?',
      'How does a chargeback work for a disputed payment?',
    ],
  ],
  'billing-support': [
    [
      'How do I get a refund for a damaged order?',
      'My order arrived damaged, how can I get a refund?',
      'Refund for a damaged order, what do I do?',
    ],
    [
      'Where can I download my invoice?',
      'How do I download the invoice for my order?',
      'Where is my invoice to download?',
    ],
    [
      'Why was I charged twice for the same order?',
      'I was billed twice for one order, why?',
      'Double charge on my order, what happened?',
    ],
    [
      'How long does delivery take to Germany?',
      'What is the delivery time to Germany?',
      'Shipping time to Germany?',
    ],
    [
      'Can I change the delivery address after ordering?',
      'Is it possible to change my delivery address after I ordered?',
      'How do I update the shipping address of an order?',
    ],
    [
      'How do I cancel my subscription?',
      'How can I cancel the subscription?',
      'Cancel my subscription please, how?',
    ],
  ],
  'contract-review': [
    [
      'Explain the indemnity clause in this supplier contract.',
      'What does the indemnity clause of this supplier contract mean?',
      'Walk me through the indemnity clause in the supplier agreement.',
    ],
    [
      'Can we terminate this contract early, and at what cost?',
      'What are the early termination terms and costs of this contract?',
      'Early termination of this contract: is it possible and what does it cost?',
    ],
    [
      'Compare the liability caps in these two agreements.',
      'How do the liability caps of these two agreements differ?',
    ],
    [
      'Is this non-compete clause enforceable?',
      'Would this non-compete clause hold up?',
      'Can this non-compete clause be enforced?',
    ],
    [
      'Which clauses deal with data protection in this contract?',
      'Where does this contract cover data protection?',
    ],
  ],
  'code-review': [
    [
      'Review this function for bugs and edge cases.',
      'Check this function for bugs and edge cases.',
      'Find bugs and missed edge cases in this function.',
    ],
    [
      'Explain this TypeScript error: Object is possibly undefined.',
      "What does the TypeScript error 'Object is possibly undefined' mean?",
      "How do I fix TypeScript's Object is possibly undefined error?",
    ],
    [
      'Write unit tests for this function.',
      'Generate unit tests for this function.',
      'Can you write tests for this function?',
    ],
    [
      'How can I make this SQL query faster?',
      'How do I speed up this SQL query?',
      'This SQL query is slow, how can I optimise it?',
    ],
    ['Suggest a better name for this variable.', 'What would be a clearer name for this variable?'],
  ],
  'api-docs': [
    [
      'How do I authenticate with the API using a key?',
      'How does API key authentication work?',
      'What is the way to authenticate to the API with a key?',
    ],
    [
      'How does pagination work in the list endpoints?',
      'How do I page through results of a list endpoint?',
      'Explain pagination of the list endpoints.',
    ],
    [
      'How do I verify a webhook signature?',
      'How can I check the signature of a webhook?',
      'Verifying webhook signatures: how?',
    ],
    [
      'What does a 429 error from the API mean?',
      'Why does the API answer 429?',
      'I get HTTP 429 from the API, what does it mean?',
    ],
    ['Is there an SDK for Python?', 'Do you have a Python SDK?', 'Which Python SDK can I use?'],
  ],
};

/** How busy each active demo pipeline is, relative to the others. */
const PIPELINE_WEIGHTS: Readonly<Record<string, number>> = {
  'patient-intake': 1.4,
  'clinical-notes': 0.7,
  'fraud-alerts': 1,
  'billing-support': 1.6,
  'contract-review': 0.8,
  'code-review': 1.1,
  'api-docs': 1.2,
};

/** Share of requests that use the canonical wording (the rest pick a paraphrase). */
const CANONICAL_SHARE = 0.6;
/** Share of requests that are one of the shared, every-sector requests. */
const SHARED_SHARE = 0.12;

export interface DemoRequest {
  slug: string;
  question: string;
}

/**
 * The `index`-th request of the demo's stream: deterministic in (seed, index), so a job resumed
 * after a crash continues the same stream where it stopped.
 */
export function demoRequest(index: number, seed = 18): DemoRequest {
  const random = seededRandom((seed * 1_000_003 + index * 7919) >>> 0);
  random();
  const slugs = Object.keys(PIPELINE_WEIGHTS);
  const slug = pick(
    slugs,
    slugs.map((s) => PIPELINE_WEIGHTS[s] as number),
    random(),
  );
  const intents = random() < SHARED_SHARE ? SHARED : (DEMO_QUESTIONS[slug] as readonly Intent[]);
  // Popular intents are asked far more often than the rest (a Zipf-like spread).
  const intent = pick(
    intents,
    intents.map((_, rank) => 1 / (rank + 1) ** 0.9),
    random(),
  );
  const wording =
    random() < CANONICAL_SHARE || intent.length === 1
      ? (intent[0] as string)
      : (intent[1 + Math.floor(random() * (intent.length - 1))] as string);
  return { slug, question: wording };
}

function pick<T>(items: readonly T[], weights: number[], u: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = u * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

/** The slugs the simulated traffic goes to (the demo's active pipelines). */
export const DEMO_TRAFFIC_SLUGS = Object.keys(PIPELINE_WEIGHTS);
