/**
 * The one CSV cell encoder of every file Entente writes (panels, dyads, ideal points, bloc
 * timelines): RFC 4180 quoting when a field holds a comma, quote or line end; null, NaN and
 * infinities as an empty cell; numbers in JavaScript's shortest round-trip form.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One CSV line (no line end) of the given fields. */
export function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields.map(csvField).join(",");
}
