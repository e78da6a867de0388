/**
 * Formats Entente recognises but does not load, so that a directory walk can say why a file is
 * skipped ("GDELT mentions table …") instead of "no known header".
 */
interface Recogniser {
  readonly what: string;
  readonly test: (lines: readonly string[]) => boolean;
}

const tabs = (line: string | undefined): string[] => (line ?? "").split("\t");

const RECOGNISERS: readonly Recogniser[] = [
  {
    what: "GDELT 2.0 mentions table (Entente loads the event export, not mentions)",
    test: (lines) => {
      const f = tabs(lines[0]);
      return f.length === 16 && /^\d+$/.test(f[0] ?? "") && /^\d{14}$/.test(f[1] ?? "");
    },
  },
  {
    what: "GDELT Global Knowledge Graph (GKG) file (Entente loads the event export, not the GKG)",
    test: (lines) => /^\d{14}-(T?\d+)\t/.test(lines[0] ?? ""),
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
