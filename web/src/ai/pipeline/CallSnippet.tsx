// How to call a pipeline: the official openai SDK pointed at the gateway, and the same with curl.
import { CopyButton } from '../../components/SecretReveal';

export function CallSnippet({ slug }: { slug: string }) {
  const baseURL = `${window.location.origin}/api/v1/ai/v1`;
  const sdk = `import OpenAI from 'openai';

const client = new OpenAI({
  baseURL: '${baseURL}',
  apiKey: process.env.PLANTINTEL_API_KEY, // a PlantIntel API key (a workspace key reaches only its pipelines)
});

const stream = await client.chat.completions.create({
  model: 'pipeline/${slug}',
  messages: [{ role: 'user', content: 'Why did line 2 stop last night?' }],
  stream: true,
});
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');`;
  const curl = `curl ${baseURL}/chat/completions \\
  -H "Authorization: Bearer $PLANTINTEL_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "pipeline/${slug}", "messages": [{"role": "user", "content": "Hello"}]}'`;
  return (
    <section className="card" aria-labelledby="call-heading">
      <h2 id="call-heading">How to call it</h2>
      <p>
        The gateway speaks the OpenAI Chat Completions and Anthropic Messages protocols: point the official
        SDKs at <code data-testid="call-base-url">{baseURL}</code> with a PlantIntel API key and name the
        pipeline as the model: <code data-testid="call-model">pipeline/{slug}</code>. The Anthropic SDK takes
        the same key with <code>baseURL: '{baseURL.replace(/\/v1$/, '')}'</code>.
      </p>
      <div className="ai-snippet-head">
        <h3>openai (Node.js)</h3>
        <CopyButton text={sdk} label="Copy the SDK example" />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code block must be reachable by keyboard */}
      <pre className="ai-snippet" tabIndex={0} data-testid="call-snippet">
        <code>{sdk}</code>
      </pre>
      <div className="ai-snippet-head">
        <h3>curl</h3>
        <CopyButton text={curl} label="Copy the curl example" />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code block must be reachable by keyboard */}
      <pre className="ai-snippet" tabIndex={0}>
        <code>{curl}</code>
      </pre>
    </section>
  );
}
