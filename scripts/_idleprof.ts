import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';

const config = loadConfig({
  ...process.env,
  DATA_DIR: '/tmp/prof2/data',
  PLANTINTEL_DEMO: '0',
  PORT: '0',
  LOG_LEVEL: 'warn',
});
const server = await startServer(config, { handleSignals: false, announce: () => {} });
await new Promise((r) => setTimeout(r, 10000));
const s = new Session();
s.connect();
await s.post('Profiler.enable');
await s.post('Profiler.setSamplingInterval', { interval: 100 });
await s.post('Profiler.start');
await new Promise((r) => setTimeout(r, 30000));
const { profile } = await s.post('Profiler.stop');
writeFileSync('/tmp/prof2/idle.cpuprofile', JSON.stringify(profile));
await server.stop();
process.exit(0);
