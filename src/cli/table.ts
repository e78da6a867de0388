/**
 * Terminal tables for `entente dyad`: years as rows, indicator columns grouped by family, split
 * into blocks that fit the terminal width, each block repeating the year column.
 */
export interface TableColumn {
  readonly group: string;
  readonly name: string;
  readonly cells: readonly string[];
}

/**
 * An integer with thousands separators, as toLocaleString("en-US") writes it: that builds an ICU
 * formatter per call (0.13 s of a 209-row `entente dyad` table, by a CPU profile), and even one
 * shared Intl.NumberFormat costs 0.05 s to create. Beyond 2^53 (exponent notation) ICU decides.
 */
function grouped(v: number): string {
  if (!Number.isSafeInteger(v) || Object.is(v, -0)) return v.toLocaleString("en-US");
  return String(v).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** Short, aligned numbers: integers with separators, fractions to 4 decimals; – for null. */
export function fmtCell(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === "") return "–";
  if (typeof v === "string") return v;
  if (Number.isInteger(v)) return grouped(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return grouped(Math.round(v));
  if (abs >= 10) return v.toFixed(1);
  return v.toFixed(4);
}

export function renderTable(
  rowLabels: readonly string[],
  labelHeader: string,
  columns: readonly TableColumn[],
  width: number,
): string {
  const labelW = Math.max(labelHeader.length, ...rowLabels.map((l) => l.length));
  const colW = columns.map((c) => Math.max(c.name.length, ...c.cells.map((s) => s.length)));
  const blocks: number[][] = [];
  let current: number[] = [];
  let used = labelW;
  columns.forEach((_, i) => {
    const w = (colW[i] as number) + 2;
    if (current.length && used + w > width) {
      blocks.push(current);
      current = [];
      used = labelW;
    }
    current.push(i);
    used += w;
  });
  if (current.length) blocks.push(current);

  const out: string[] = [];
  for (const block of blocks) {
    // Group titles over their columns.
    let groups = "".padEnd(labelW);
    let k = 0;
    while (k < block.length) {
      const g = (columns[block[k] as number] as TableColumn).group;
      let span = 0;
      let j = k;
      while (j < block.length && (columns[block[j] as number] as TableColumn).group === g) {
        span += (colW[block[j] as number] as number) + 2;
        j++;
      }
      const title = ` ${g} `.padEnd(span - 1, "─");
      groups += ` ${title.length > span - 1 ? title.slice(0, span - 1) : title}`;
      k = j;
    }
    out.push(groups.trimEnd());
    out.push(
      labelHeader.padEnd(labelW) +
        block
          .map((i) => `  ${(columns[i] as TableColumn).name.padStart(colW[i] as number)}`)
          .join(""),
    );
    rowLabels.forEach((label, r) => {
      out.push(
        label.padEnd(labelW) +
          block
            .map(
              (i) =>
                `  ${((columns[i] as TableColumn).cells[r] as string).padStart(colW[i] as number)}`,
            )
            .join(""),
      );
    });
    out.push("");
  }
  return out.join("\n");
}
