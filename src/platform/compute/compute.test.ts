import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threadId } from 'node:worker_threads';
import type * as fixture from './compute.fixture.ts';
import { ComputeDeadlineExceeded, computeTask, createCompute } from './compute.ts';

const FIXTURE = new URL('./compute.fixture.ts', import.meta.url);
const whichThread = computeTask<typeof fixture.whichThread>(FIXTURE, 'whichThread');
const waitForFlag = computeTask<typeof fixture.waitForFlag>(FIXTURE, 'waitForFlag');
const fail = computeTask<typeof fixture.fail>(FIXTURE, 'fail');
const spinForever = computeTask<typeof fixture.spinForever>(FIXTURE, 'spinForever');

test('a task runs in another thread and returns its result', async (t) => {
  const compute = createCompute({ threads: 1 });
  t.after(() => compute.stop());
  const result = await compute.run(whichThread, { echo: 'hello' });
  assert.equal(result.echo, 'hello');
  assert.notEqual(result.threadId, threadId);
  assert.equal(compute.completed(), 1);
});

test('the main thread keeps running while a task spins', async (t) => {
  const compute = createCompute({ threads: 1 });
  t.after(() => compute.stop());
  const flag = new SharedArrayBuffer(4);
  const running = compute.run(waitForFlag, { flag, timeoutMs: 60_000 });
  // Raised from a timer callback: reached only if the event loop is free while the task runs.
  setTimeout(() => Atomics.store(new Int32Array(flag), 0, 1), 10);
  assert.equal(await running, true);
});

test("a task's error rejects its run; the pool refuses work once stopped", async () => {
  const compute = createCompute({ threads: 1 });
  await assert.rejects(compute.run(fail, { message: 'bad input' }), /bad input/);
  await compute.stop();
  await assert.rejects(compute.run(whichThread, { echo: 'late' }), /stopped/);
});

test('aborting a running task terminates its thread with the reason; the pool goes on working', async (t) => {
  const compute = createCompute({ threads: 1 });
  t.after(() => compute.stop());
  const started = new SharedArrayBuffer(4);
  const watchdog = new AbortController();
  const running = compute.run(spinForever, { started }, { signal: watchdog.signal });
  // Abort only once the task is running, so it is the running worker that must be stopped.
  while (Atomics.load(new Int32Array(started), 0) === 0) await new Promise((r) => setImmediate(r));
  watchdog.abort(new Error('past its deadline'));
  await assert.rejects(running, /past its deadline/);
  const after = await compute.run(whichThread, { echo: 'still here' });
  assert.equal(after.echo, 'still here');
});

test('a task past its deadline is terminated with a ComputeDeadlineExceeded; one within it is not', async (t) => {
  const compute = createCompute({ threads: 1 });
  t.after(() => compute.stop());
  const started = new SharedArrayBuffer(4);
  await assert.rejects(
    compute.run(spinForever, { started }, { deadlineMs: 200 }),
    (err: unknown) =>
      err instanceof ComputeDeadlineExceeded && err.task === 'spinForever' && err.deadlineMs === 200,
  );
  // A generous deadline that is not reached changes nothing (and its timer does not keep the process up).
  const after = await compute.run(whichThread, { echo: 'in time' }, { deadlineMs: 600_000 });
  assert.equal(after.echo, 'in time');
  await assert.rejects(compute.run(whichThread, { echo: 'x' }, { deadlineMs: 0 }), RangeError);
});

test('with both a signal and a deadline, whichever comes first ends the task with its own reason', async (t) => {
  const compute = createCompute({ threads: 1 });
  t.after(() => compute.stop());
  const started = new SharedArrayBuffer(4);
  const cancel = new AbortController();
  const running = compute.run(spinForever, { started }, { signal: cancel.signal, deadlineMs: 600_000 });
  while (Atomics.load(new Int32Array(started), 0) === 0) await new Promise((r) => setImmediate(r));
  cancel.abort(new Error('cancelled by the user'));
  await assert.rejects(running, /cancelled by the user/);
});
