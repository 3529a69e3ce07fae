// The fake model server of bench/gateway.ts in a process of its own (so the load generator and the
// upstream do not share an event loop): prints its OpenAI-compatible base URL, then serves until killed.
import { startFakeUpstream } from '../src/modules/pipelines/runtime/fake-upstream.ts';

const fake = await startFakeUpstream();
// Forget every call as it comes: a long run would otherwise keep them all.
setInterval(() => fake.reset(), 1000).unref();
process.stdout.write(`${fake.openAiBaseUrl}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
