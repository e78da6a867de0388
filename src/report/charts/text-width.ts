/**
 * Font-independent text widths for vega's layout. Without node-canvas vega estimates every
 * character at 0.8 em, which overstates Helvetica/Arial text by about half: long titles and legend
 * labels then squeeze the plot. With node-canvas installed the layout would depend on the fonts of
 * the machine. These are the Helvetica advance widths (Adobe core-font metrics, 1/1000 em; Arial
 * is metric-compatible), so the layout is the same everywhere and close to what viewers see.
 */

// Printable ASCII 32–126, regular and bold.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
  611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
  278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
// Other characters the charts use; anything else counts as a digit (556).
const OTHER: Readonly<Record<number, number>> = {
  160: 278, // no-break space
  183: 278, // middle dot
  215: 584, // multiplication sign
  8211: 556, // en dash
  8212: 1000, // em dash
  8216: 222,
  8217: 222,
  8220: 333,
  8221: 333,
  8230: 1000, // ellipsis
  8594: 1000, // rightwards arrow
  8722: 584, // minus sign
  954: 500, // kappa
};
const DEFAULT = 556;

/** Width in px of one line of text. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 32;
    units += c >= 32 && c <= 126 ? (table[c - 32] as number) : (OTHER[c] ?? DEFAULT);
  }
  return (units * fontSize) / 1000;
}

interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
  limit?: number | null;
}

const isBold = (w: TextItem["fontWeight"]): boolean =>
  w === "bold" || w === "bolder" || (w != null && Number(w) >= 600);

/**
 * vega's `textMetrics.width(item, text)` contract: the width of a line as drawn, i.e. at most
 * `item.limit` when the mark truncates (vega's own truncation calls this to find the cut).
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? "" : String(text).trim();
  if (size <= 0 || line === "") return 0;
  const w = textWidth(line, size, isBold(item.fontWeight));
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(w, limit) : w;
}
