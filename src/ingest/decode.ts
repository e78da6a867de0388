/**
 * Text decoding for input files: UTF-8 (BOM removed) when the bytes are valid UTF-8, otherwise
 * Windows-1252, which several COW/SIPRI/Maddison files use. Binary files are refused.
 */
export type Encoding = "utf-8" | "windows-1252";

export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 65536);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest equals Latin-1). Node 20's TextDecoder("windows-1252")
 * decodes as Latin-1, turning ’ (0x92) into a C1 control character, hence this table. Bytes
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in 1252 and kept as their Latin-1 code points.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(buf: Uint8Array): string {
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] as string);
}

export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buf);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(buf), encoding: "windows-1252" };
  }
}

/** The first `n` lines, line ends (LF or CRLF) removed. */
export function headLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < n && start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    out.push(text.slice(start, end).replace(/\r$/, ""));
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}
