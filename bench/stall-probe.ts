// The client side of bench/stall.ts, in a process of its own so its timing is not disturbed by the
// server: GET /health at a fixed rate (open loop: a request goes out on schedule whether or not the
// previous one answered) and a WebSocket whose pings from the server are timed.
// argv: <base url> <seconds> <rate per second> <access token> <heartbeat seconds>
import WebSocket from 'ws';

const [base = '', secondsArg = '10', rateArg = '50', token = '', heartbeatArg = '1'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const rate = Number(rateArg);
const heartbeatMs = Number(heartbeatArg) * 1000;

const latencies: number[] = [];
let failures = 0;
const pings: number[] = [];
let disconnected = false;

const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`);
socket.on('ping', () => pings.push(performance.now()));
let closeReason = '';
let ready: () => void = () => {};
const authenticated = new Promise<void>((resolve) => {
  ready = resolve;
});
socket.on('message', (data) => {
  if (String(data).includes('"ready"')) ready();
});
socket.on('close', (code, reason) => {
  disconnected = true;
  closeReason = `${code} ${String(reason)}`;
});
await new Promise<void>((resolve, reject) => {
  socket.once('open', () => resolve());
  socket.once('error', reject);
});
await authenticated;

async function probe() {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    if (response.status !== 200) failures += 1;
    else latencies.push(performance.now() - started);
  } catch {
    failures += 1;
  }
}

// Warm up (connections, JIT) for a second before anything counts.
for (let i = 0; i < rate; i++) {
  await probe();
  await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
}
latencies.length = 0;
failures = 0;
pings.length = 0;
// The parent starts its heavy query now: the socket is authenticated and warm.
process.stderr.write('ready\n');

const total = seconds * rate;
const start = performance.now();
const inFlight: Promise<void>[] = [];
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  inFlight.push(probe());
}
await Promise.all(inFlight);
const elapsed = performance.now() - start;

// A ping is late when it came more than half a period after the one before.
let late = 0;
for (let i = 1; i < pings.length; i++) {
  if ((pings[i] ?? 0) - (pings[i - 1] ?? 0) > heartbeatMs * 1.5) late += 1;
}
const stillOpen = !disconnected && socket.readyState === WebSocket.OPEN;
socket.close();

const sorted = latencies.sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
console.log(
  JSON.stringify({
    requests: total,
    answered: sorted.length,
    failures,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
    pings: pings.length,
    expectedPings: Math.floor(elapsed / heartbeatMs) - 1,
    latePings: late,
    disconnected: !stillOpen,
    closeReason,
  }),
);
