/** The part of a WebSocket an outbound buffer needs. `cork`/`uncork` group frames into one write. */
export interface FrameSink {
  readonly bufferedAmount: number;
  /** Sends one text frame (UTF-8 bytes). */
  send(frame: Buffer): void;
  cork(): void;
  uncork(): void;
}

/** Runs the flushes of every buffer on one shared timer. */
export class FlushScheduler {
  private readonly dirty = new Set<OutboundBuffer>();
  private timer: NodeJS.Timeout | undefined;
  readonly windowMs: number;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  mark(buffer: OutboundBuffer) {
    this.dirty.add(buffer);
    this.timer ??= setTimeout(() => this.tick(), this.windowMs);
  }

  forget(buffer: OutboundBuffer) {
    this.dirty.delete(buffer);
  }

  /** Flushes every buffer with held frames; those a slow client cannot take yet stay dirty. */
  tick() {
    this.timer = undefined;
    for (const buffer of this.dirty) {
      if (buffer.flush()) this.dirty.delete(buffer);
    }
    if (this.dirty.size > 0) this.timer = setTimeout(() => this.tick(), this.windowMs);
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
  }
}

/**
 * Outbound frames of one client.
 *
 * Batching: the first frame after a quiet spell goes out at once; frames that follow within the
 * scheduler's window are held and written together at the end of it, in one write. At high event
 * rates this divides the write calls — the dominant cost of fan-out — by the frames per window,
 * and adds at most one window of latency; at low rates it adds none.
 *
 * Slow clients: while more than `highWaterBytes` sit unsent in the socket, only the latest frame
 * per topic is kept, so memory per client is bounded by its topic count, not by the event rate.
 */
export class OutboundBuffer {
  private readonly sink: FrameSink;
  private readonly scheduler: FlushScheduler;
  private readonly highWaterBytes: number;
  private held: { topic: string; frame: Buffer }[] = [];
  private lastWrite = Number.NEGATIVE_INFINITY;
  /** Frames replaced by a newer one of the same topic before a slow client could take them. */
  dropped = 0;

  constructor(sink: FrameSink, scheduler: FlushScheduler, highWaterBytes: number) {
    this.sink = sink;
    this.scheduler = scheduler;
    this.highWaterBytes = highWaterBytes;
  }

  push(topic: string, frame: Buffer, now = performance.now()): void {
    const slow = this.sink.bufferedAmount >= this.highWaterBytes;
    if (this.held.length === 0 && !slow && now - this.lastWrite >= this.scheduler.windowMs) {
      this.lastWrite = now;
      this.sink.send(frame);
      return;
    }
    if (slow) {
      const before = this.held.length;
      this.held = this.held.filter((h) => h.topic !== topic);
      this.dropped += before - this.held.length;
    }
    this.held.push({ topic, frame });
    this.scheduler.mark(this);
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Writes the held frames in one go; false when the client is still too far behind. */
  flush(now = performance.now()): boolean {
    if (this.held.length === 0) return true;
    if (this.sink.bufferedAmount >= this.highWaterBytes) return false;
    const frames = this.held;
    this.held = [];
    this.lastWrite = now;
    this.sink.cork();
    for (const { frame } of frames) this.sink.send(frame);
    this.sink.uncork();
    return true;
  }

  close(): void {
    this.held = [];
    this.scheduler.forget(this);
  }
}
