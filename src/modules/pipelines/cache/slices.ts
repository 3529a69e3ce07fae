// Long in-memory work (embedding a pipeline's entries, training the semantic index) done in slices
// of at most SLICE_MS of CPU, each followed by a turn of the event loop, so requests keep being
// served while it runs. A slice is measured in time, not in items: the cost of an item differs by
// orders of magnitude between the loops that use this (a k-means row, an embedding, an insert).

const SLICE_MS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Slicer {
  private started = performance.now();
  private readonly sliceMs: number;

  constructor(sliceMs = SLICE_MS) {
    this.sliceMs = sliceMs;
  }

  /** Whether the current slice has used its time (cheap enough to ask every item). */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Yields to the event loop; the next slice starts when this resolves. */
  async pause(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }

  /** Runs a generator to its end, pausing whenever a slice is used up; its result. */
  async drive<T>(steps: Generator<void, T, void>): Promise<T> {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (this.due()) await this.pause();
    }
  }
}
