/**
 * Formats Entente recognises but does not load yet, so that a directory walk can say why a file
 * is skipped ("event data …") instead of "no known header".
 */
interface Recogniser {
  readonly what: string;
  readonly test: (lines: readonly string[]) => boolean;
}

const tabs = (line: string | undefined): string[] => (line ?? "").split("\t");

const RECOGNISERS: readonly Recogniser[] = [
  {
    what: "GDELT event export (event data is not supported yet)",
    test: (lines) => {
      const f = tabs(lines[0]);
      return (
        [57, 58, 61].includes(f.length) && /^\d+$/.test(f[0] ?? "") && /^\d{8}$/.test(f[1] ?? "")
      );
    },
  },
  {
    what: "ICEWS event file (event data is not supported yet)",
    test: (lines) => /^Event ID\tEvent Date\tSource Name\t/.test(lines[0] ?? ""),
  },
  {
    what: "ICEWS dyad-year quad counts (event data is not supported yet)",
    test: (lines) => /^"?i"?,"?j"?,"?year"?,.*"?verbCoop"?,"?matlCoop"?/.test(lines[0] ?? ""),
  },
  {
    what: "GDELT column-label list (documentation, not data)",
    test: (lines) => /^tableId(\t|,|$)/.test(lines[0] ?? ""),
  },
];

/** Why a file in no supported format is skipped, when it is a format Entente knows of. */
export function notYetSupported(lines: readonly string[]): string | null {
  return RECOGNISERS.find((r) => r.test(lines))?.what ?? null;
}
