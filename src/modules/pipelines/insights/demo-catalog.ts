// The demo tenant's AI gateway (seed 004's set): four workspaces (healthcare, finance, legal,
// developer) and nine pipelines across six sectors (healthcare, finance, ecommerce, legal,
// government, developer), seven active, one paused and one draft. Every model node calls the
// built-in offline model, so the demo needs no key and no network.
import type { CacheNodeConfig, GuardNodeConfig, PipelineConnection, PipelineNode } from '../contracts.ts';

export interface DemoWorkspace {
  key: 'healthcare' | 'finance' | 'legal' | 'developer';
  name: string;
  sector: string;
  description: string;
  monthlyBudgetUsd: number;
}

export interface DemoPipeline {
  slug: string;
  name: string;
  description: string;
  sector: string;
  workspace: DemoWorkspace['key'];
  /** What it is left in after creation (active ones are deployed). */
  status: 'active' | 'paused' | 'draft';
  nodes: PipelineNode[];
  connections: PipelineConnection[];
}

export const DEMO_WORKSPACES: readonly DemoWorkspace[] = [
  {
    key: 'healthcare',
    name: 'Clinical Operations',
    sector: 'healthcare',
    description:
      'Patient intake and clinical documentation assistants; personal data is redacted before any model sees it.',
    monthlyBudgetUsd: 400,
  },
  {
    key: 'finance',
    name: 'Finance & Commerce',
    sector: 'finance',
    description: 'Fraud-alert explanations, billing support for the web shop and loan document checks.',
    monthlyBudgetUsd: 600,
  },
  {
    key: 'legal',
    name: 'Legal & Public Affairs',
    sector: 'legal',
    description:
      'Contract review for the legal team and the public-records assistant for the council contract.',
    monthlyBudgetUsd: 300,
  },
  {
    key: 'developer',
    name: 'Developer Platform',
    sector: 'developer',
    description: 'Code review and API documentation helpers for the engineering teams.',
    monthlyBudgetUsd: 250,
  },
];

const MODEL = { provider: 'offline', model: 'plantintel-offline' } as const;

/** input → [guard] → cache → model → [postprocess] → output, laid out left to right. */
function chain(options: {
  guard?: GuardNodeConfig;
  cache: CacheNodeConfig;
  maxTokens: number;
  groundNumbers?: boolean;
}): { nodes: PipelineNode[]; connections: PipelineConnection[] } {
  const nodes: PipelineNode[] = [{ id: 'input', type: 'input', config: {} }];
  if (options.guard) nodes.push({ id: 'guard', type: 'guard', config: options.guard });
  nodes.push({ id: 'cache', type: 'cache', config: options.cache });
  nodes.push({
    id: 'model',
    type: 'model',
    config: {
      ...MODEL,
      maxTokens: options.maxTokens,
      temperature: 0.2,
      retries: 1,
      retryOn: ['timeout'],
      timeoutMs: 30_000,
      answerTimeoutMs: 60_000,
    },
  });
  if (options.groundNumbers)
    nodes.push({ id: 'check', type: 'postprocess', config: { groundNumbers: true } });
  nodes.push({ id: 'output', type: 'output', config: {} });
  nodes.forEach((n, i) => {
    n.position = { x: 40 + 220 * i, y: 120 };
  });
  const connections = nodes.slice(1).map((n, i) => ({ from: (nodes[i] as PipelineNode).id, to: n.id }));
  return { nodes, connections };
}

const semantic = (threshold: number, hours = 24): CacheNodeConfig => ({
  mode: 'semantic',
  ttlSeconds: hours * 3600,
  threshold,
});
const exact = (hours = 24): CacheNodeConfig => ({ mode: 'exact', ttlSeconds: hours * 3600 });

export const DEMO_PIPELINES: readonly DemoPipeline[] = [
  {
    slug: 'patient-intake',
    name: 'Patient intake assistant',
    description: 'Answers appointment, preparation and insurance questions before a visit; never diagnoses.',
    sector: 'healthcare',
    workspace: 'healthcare',
    status: 'active',
    ...chain({
      guard: { redactPii: true, maxInputTokens: 2000, refuseTopics: ['diagnosis', 'dosage change'] },
      cache: semantic(0.7),
      maxTokens: 400,
    }),
  },
  {
    slug: 'clinical-notes',
    name: 'Clinical notes summariser',
    description: 'Turns discharge and visit notes into structured summaries for the care team.',
    sector: 'healthcare',
    workspace: 'healthcare',
    status: 'active',
    ...chain({ guard: { redactPii: true, maxInputTokens: 6000 }, cache: exact(12), maxTokens: 600 }),
  },
  {
    slug: 'fraud-alerts',
    name: 'Fraud alert explainer',
    description:
      'Explains why a card transaction was flagged, in words an analyst can pass on to the customer.',
    sector: 'finance',
    workspace: 'finance',
    status: 'active',
    ...chain({ guard: { redactPii: true }, cache: semantic(0.7), maxTokens: 350, groundNumbers: true }),
  },
  {
    slug: 'billing-support',
    name: 'Shop billing support',
    description: "Answers the web shop's customers about orders, refunds, invoices and delivery.",
    sector: 'ecommerce',
    workspace: 'finance',
    status: 'active',
    ...chain({ guard: { redactPii: true, maxInputTokens: 1500 }, cache: semantic(0.65, 48), maxTokens: 300 }),
  },
  {
    slug: 'loan-documents',
    name: 'Loan document checker',
    description:
      'Checks loan applications for missing documents. Paused while the new checklist is reviewed.',
    sector: 'finance',
    workspace: 'finance',
    status: 'paused',
    ...chain({ guard: { redactPii: true }, cache: exact(), maxTokens: 500, groundNumbers: true }),
  },
  {
    slug: 'contract-review',
    name: 'Contract clause reviewer',
    description:
      'Explains and compares contract clauses (indemnity, termination, liability) for the legal team.',
    sector: 'legal',
    workspace: 'legal',
    status: 'active',
    ...chain({ guard: { redactPii: true, maxInputTokens: 8000 }, cache: semantic(0.75), maxTokens: 700 }),
  },
  {
    slug: 'public-records',
    name: 'Public records assistant',
    description:
      'Will answer citizens about records requests and permits; a draft until the council signs off.',
    sector: 'government',
    workspace: 'legal',
    status: 'draft',
    ...chain({
      guard: { redactPii: true, refuseTopics: ['legal advice'] },
      cache: semantic(0.7),
      maxTokens: 400,
    }),
  },
  {
    slug: 'code-review',
    name: 'Code review assistant',
    description: 'Reviews snippets and explains errors, patterns and tests for the engineering teams.',
    sector: 'developer',
    workspace: 'developer',
    status: 'active',
    ...chain({ cache: semantic(0.75, 72), maxTokens: 800 }),
  },
  {
    slug: 'api-docs',
    name: 'API docs helper',
    description:
      'Answers how-to questions about the internal APIs: authentication, pagination, webhooks, errors.',
    sector: 'developer',
    workspace: 'developer',
    status: 'active',
    ...chain({ cache: semantic(0.7, 72), maxTokens: 500 }),
  },
];

/** The pipeline the demo API key and the README's example use. */
export const DEMO_KEY_WORKSPACE: DemoWorkspace['key'] = 'developer';
export const DEMO_EXAMPLE_PIPELINE = 'api-docs';
