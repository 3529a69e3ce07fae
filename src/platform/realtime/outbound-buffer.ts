/** The part of a WebSocket an outbound buffer needs (ws's WebSocket has both). */
export interface FrameSink {
  readonly bufferedAmount: number;
  send(frame: string): void;
}

/**
 * Outbound frames for one client. While the socket keeps up, frames go straight out. When a slow
 * client lets more than `highWaterBytes` pile up in the socket, further frames are held back and
 * only the latest one per topic is kept, so memory per client stays bounded by its topic count
 * instead of growing with the event rate. A timer drains the held frames once the socket catches up.
 */
export class OutboundBuffer {
  private readonly sink: FrameSink;
  private readonly highWaterBytes: number;
  private readonly held = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  /** Frames replaced by a newer one of the same topic before they could be sent. */
  dropped = 0;

  constructor(sink: FrameSink, highWaterBytes: number) {
    this.sink = sink;
    this.highWaterBytes = highWaterBytes;
  }

  push(topic: string, frame: string): void {
    if (this.held.size === 0 && this.sink.bufferedAmount < this.highWaterBytes) {
      this.sink.send(frame);
      return;
    }
    if (this.held.delete(topic)) this.dropped += 1;
    this.held.set(topic, frame);
    this.timer ??= setInterval(() => this.drain(), 25);
  }

  get heldCount(): number {
    return this.held.size;
  }

  drain(): void {
    for (const [topic, frame] of this.held) {
      if (this.sink.bufferedAmount >= this.highWaterBytes) return;
      this.held.delete(topic);
      this.sink.send(frame);
    }
    this.close();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
