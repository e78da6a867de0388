/** Builders of event-data lines for tests (layouts in src/sources/events/layouts.ts). */

/** A GDELT 2.0 row (61 fields) with the fields the indicators read. */
export function gdeltRow(
  id: number,
  date: string,
  a1: string,
  a2: string,
  code: string,
  goldstein: number,
  mentions: number,
  opts: { root?: 0 | 1; sources?: number; added?: string } = {},
): string {
  const f = new Array<string>(61).fill("");
  f[0] = String(id);
  f[1] = date;
  f[2] = date.slice(0, 6);
  f[3] = date.slice(0, 4);
  f[4] = "2016.3699";
  f[5] = a1;
  f[6] = a1;
  f[7] = a1;
  f[15] = a2;
  f[16] = a2;
  f[17] = a2;
  f[25] = String(opts.root ?? 1);
  f[26] = code;
  f[27] = code.slice(0, 3);
  f[28] = code.slice(0, 2);
  f[29] = "1";
  f[30] = String(goldstein);
  f[31] = String(mentions);
  f[32] = String(opts.sources ?? 1);
  f[33] = String(mentions);
  f[34] = "1.5";
  // DATEADDED: the 15-minute update up to midnight of the event day unless given.
  f[59] = opts.added ?? `${date}000000`;
  f[60] = `https://example.org/${id}`;
  return f.join("\t");
}
