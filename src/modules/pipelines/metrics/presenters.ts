import type { RequestRow } from './requests.repo.ts';

/** A request row as the API shows it (prompt and response are null unless stored). */
export function presentRequest(r: RequestRow) {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    pipelineVersion: r.pipelineVersion,
    protocol: r.protocol,
    purpose: r.purpose,
    apiKeyId: r.apiKeyId,
    cache: r.cache,
    status: r.status,
    errorCode: r.errorCode,
    latencyMs: r.latencyMs,
    upstreamMs: r.upstreamMs,
    tokensIn: r.tokensIn,
    tokensOut: r.tokensOut,
    costUsd: r.costUsd,
    tokensSaved: r.tokensSaved,
    costSavedUsd: r.costSavedUsd,
    provider: r.provider,
    model: r.model,
    cacheEntryId: r.cacheEntryId,
    prompt: r.prompt,
    response: r.response,
  };
}
