// Baseline for bench/http.ts: the smallest Fastify 5 app that answers GET /health
// with the same JSON shape as PlantIntel, so the ratio measures only what our
// server adds on top of Fastify itself (plugins, hooks, logging, serialization).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

// Read once at startup, like a real server would, so it costs nothing per request.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const app = Fastify({ logger: false });

app.get('/health', async () => ({
  status: 'ok',
  version,
  uptimeSeconds: process.uptime(),
}));

// The parent kills us with SIGTERM; close cleanly so the port is released at once.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await app.listen({ port, host });
console.log(`bare server listening on http://${host}:${port}`);
