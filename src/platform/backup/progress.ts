// Progress of a long backup or restore on the terminal (stderr): one line per step, and a running
// byte count at most once a second (rewritten in place on a terminal, a line every 5 s otherwise).

export interface Progress {
  step(message: string): void;
  /** `n` more bytes of the current step went through. */
  bytes(n: number): void;
  /** Ends the current step's running count. */
  done(): void;
}

export const silentProgress: Progress = { step() {}, bytes() {}, done() {} };

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const interval = stream.isTTY ? 1000 : 5000;
  let label = '';
  let total = 0;
  let last = 0;
  let started = 0;
  const show = (final: boolean) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `  ${label}: ${mb(total)} in ${seconds} s`;
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
  return {
    step(message) {
      label = message;
      total = 0;
      last = performance.now();
      started = last;
      stream.write(`${message}\n`);
    },
    bytes(n) {
      total += n;
      const now = performance.now();
      if (now - last >= interval) {
        last = now;
        show(false);
      }
    },
    done() {
      if (total > 0) show(true);
      total = 0;
    },
  };
}
