/**
 * A sliding-window request limiter: at most `max` requests start in any `windowMs`. APIs that
 * answer 429 beyond a request rate (the IMF's: about ten requests in five seconds) are asked a
 * little below it, so that a run is not slowed by the penalty waits of 429 answers.
 */
export class RateLimiter {
  private readonly starts: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((ok) => setTimeout(ok, ms)),
  ) {
    if (!(max >= 1) || !(windowMs > 0)) throw new Error("RateLimiter needs max ≥ 1 and a window");
  }

  /** Wait until one more request may start, and count it. */
  async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.starts.length && (this.starts[0] as number) <= t - this.windowMs) {
        this.starts.shift();
      }
      if (this.starts.length < this.max) {
        this.starts.push(t);
        return;
      }
      await this.sleep((this.starts[0] as number) + this.windowMs - t + 1);
    }
  }
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), capped; null if none. */
export function retryAfterMs(
  value: string | null,
  capMs = 60_000,
  now = Date.now(),
): number | null {
  if (!value) return null;
  const v = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(capMs, Math.max(0, Math.round(ms)));
}
