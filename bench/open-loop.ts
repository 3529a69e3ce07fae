// Open-loop load for bench/api-read.ts, in a process of its own: `users` virtual users each send a
// request every 1/rate seconds on their own schedule (a slow answer does not delay the next
// request, as with real people), and the latency of every answer is kept.
// argv: <url> <seconds> <users> <requests per user per second> <header name> <header value>
const [url = '', secondsArg = '10', usersArg = '100', rateArg = '2', headerName = '', headerValue = ''] =
  process.argv.slice(2);
const seconds = Number(secondsArg);
const users = Number(usersArg);
const periodMs = 1000 / Number(rateArg);
const headers = headerName ? { [headerName]: headerValue } : undefined;

const latencies: number[] = [];
let failures = 0;

async function send() {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    if (response.status === 200) latencies.push(performance.now() - started);
    else failures += 1;
  } catch {
    failures += 1;
  }
}

const start = performance.now() + 50;
const sent: Promise<void>[] = [];
await Promise.all(
  Array.from({ length: users }, async (_, user) => {
    const phase = (user / users) * periodMs;
    for (let at = start + phase; at < start + seconds * 1000; at += periodMs) {
      const wait = at - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(send());
    }
  }),
);
await Promise.all(sent);

const sorted = latencies.sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
console.log(
  JSON.stringify({
    sent: sent.length,
    answered: sorted.length,
    failures,
    rps: sorted.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  }),
);
