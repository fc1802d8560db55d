/**
 * Progress on stderr: a step is reported once it has taken more than a second (its label and time), and
 * counted work (k-means runs, k candidates) shows a bar on a terminal. Silent when disabled (`--quiet`).
 */

export interface ProgressOptions {
  /** @default true */
  enabled?: boolean;
  /** @default process.stderr */
  stream?: NodeJS.WriteStream;
  /** Steps faster than this are not reported, in ms. @default 1000 */
  thresholdMs?: number;
}

export class Progress {
  private readonly enabled: boolean;
  private readonly stream: NodeJS.WriteStream;
  private readonly thresholdMs: number;

  constructor(options: ProgressOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.stream = options.stream ?? process.stderr;
    this.thresholdMs = options.thresholdMs ?? 1000;
  }

  /** Run `fn`; if it took longer than the threshold, print `segment: <label> (<seconds> s)`. */
  step<T>(label: string, fn: (tick: (done: number, total: number) => void) => T): T {
    const t0 = Date.now();
    let drewBar = false;
    const tick = (done: number, total: number): void => {
      if (!this.enabled || !this.stream.isTTY || Date.now() - t0 < this.thresholdMs) return;
      const width = 24;
      const filled = Math.round((done / total) * width);
      this.stream.write(`\rsegment: ${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
      drewBar = true;
    };
    const result = fn(tick);
    const ms = Date.now() - t0;
    if (drewBar) this.stream.write("\r\x1b[K");
    if (this.enabled && ms >= this.thresholdMs) this.stream.write(`segment: ${label} (${(ms / 1000).toFixed(1)} s)\n`);
    if (process.env.SEGMENT_DEBUG === "1") {
      const { rss, heapUsed } = process.memoryUsage();
      this.stream.write(
        `segment: debug: after ${label}: rss ${(rss / 2 ** 20).toFixed(0)} MB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
      );
    }
    return result;
  }

  /** A one-line note (e.g. a warning), unless quiet. */
  note(text: string): void {
    if (this.enabled) this.stream.write(`segment: ${text}\n`);
  }
}
