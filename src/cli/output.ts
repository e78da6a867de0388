/** Small terminal helpers: number formatting and a throttled progress line on stderr. */
export const fmtInt = (n: number): string => n.toLocaleString("en-US");

export function isInteractive(stream: NodeJS.WriteStream = process.stdout): boolean {
  return stream.isTTY === true;
}

/** A single `\r`-rewritten status line, at most a few times a second. */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Rewrite the line (at most five times a second unless `force`). */
  update(text: (elapsedSeconds: number) => string, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\x1b[K${text((now - this.started) / 1000)}`);
  }

  clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
