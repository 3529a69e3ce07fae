// Token counts when no upstream reports them (the offline model, a guard's prompt limit, a stream
// cut off before its usage): about four characters a token, the rule of thumb OpenAI and Anthropic
// both give for English text. It overcounts dense numbers slightly and undercounts CJK text; a
// count from the upstream's usage always wins over it.
import type { GatewayRequest } from '../contracts.ts';

export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** The prompt as sent: system, every message's content and tool-call arguments, the tool schemas. */
export function promptText(req: Pick<GatewayRequest, 'system' | 'messages' | 'tools'>): string {
  const parts: string[] = [];
  if (req.system) parts.push(req.system);
  for (const m of req.messages) {
    parts.push(m.content);
    for (const call of m.toolCalls ?? []) parts.push(call.name, call.arguments);
  }
  for (const tool of req.tools ?? [])
    parts.push(tool.name, tool.description ?? '', JSON.stringify(tool.parameters));
  return parts.join('\n');
}

export function estimatePromptTokens(req: Pick<GatewayRequest, 'system' | 'messages' | 'tools'>): number {
  return estimateTokens(promptText(req));
}
