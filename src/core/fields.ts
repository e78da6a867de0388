/**
 * Cell parsers shared by the adapters. Missing-value sentinels become null; anything else that
 * does not parse throws a FieldError, which the loader turns into a counted reject.
 */
export class FieldError extends Error {}

const MISSING = new Set(["", "NA", "N/A", "NaN", ".", ".."]);

export function isMissing(raw: string | undefined): boolean {
  return raw === undefined || MISSING.has(raw.trim());
}

export interface NumberOptions {
  /** Values that mean "missing" in this source (COW: -9). */
  readonly sentinels?: readonly number[];
}

export function parseNumber(
  raw: string | undefined,
  column: string,
  opts: NumberOptions = {},
): number | null {
  if (isMissing(raw)) return null;
  const s = (raw as string).trim();
  const n = Number(s);
  if (!Number.isFinite(n) || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    throw new FieldError(`${column}: "${raw}" is not a number`);
  }
  if (opts.sentinels?.includes(n)) return null;
  return n;
}

export function parseInteger(
  raw: string | undefined,
  column: string,
  opts: NumberOptions = {},
): number | null {
  const n = parseNumber(raw, column, opts);
  if (n === null) return null;
  if (!Number.isInteger(n)) throw new FieldError(`${column}: "${raw}" is not an integer`);
  if (Math.abs(n) > 2_147_483_647) throw new FieldError(`${column}: ${raw} is out of range`);
  return n;
}

export function requireInteger(
  raw: string | undefined,
  column: string,
  opts: NumberOptions = {},
): number {
  const n = parseInteger(raw, column, opts);
  if (n === null) throw new FieldError(`${column} is missing`);
  return n;
}

export function parseYear(raw: string | undefined, column: string): number {
  const y = requireInteger(raw, column);
  if (y < 1 || y > 2200) throw new FieldError(`${column}: ${y} is not a plausible year`);
  return y;
}

/** 0/1 dummy; anything else is an error. */
export function parseDummy(
  raw: string | undefined,
  column: string,
  opts: NumberOptions = {},
): number | null {
  const n = parseInteger(raw, column, opts);
  if (n !== null && n !== 0 && n !== 1) throw new FieldError(`${column}: ${raw} is not 0 or 1`);
  return n;
}

export function parseText(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const s = raw.trim();
  return MISSING.has(s) ? null : s;
}

/** ISO date from yyyy-mm-dd or m/d/yyyy (also m/d/yy, with yy below 50 read as 20yy). */
export function parseDate(raw: string | undefined, column: string): string | null {
  if (isMissing(raw)) return null;
  const s = (raw as string).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const us = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (!iso && !us) {
    throw new FieldError(`${column}: "${raw}" is not a date (expected yyyy-mm-dd or m/d/yyyy)`);
  }
  let y = Number(iso ? iso[1] : us?.[3]);
  const m = Number(iso ? iso[2] : us?.[1]);
  const d = Number(iso ? iso[3] : us?.[2]);
  if (us && (us[3] as string).length === 2) y += y < 50 ? 2000 : 1900;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    throw new FieldError(`${column}: "${raw}" is not a valid date`);
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
