import { describe, expect, it } from "vitest";
import { fmtInt, ProgressLine } from "../../src/cli/output.js";
import { fmtCell, renderTable } from "../../src/cli/table.js";

describe("ProgressLine", () => {
  it("rewrites one line, throttled unless forced, and clears it", () => {
    const writes: string[] = [];
    const stream = { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
    const p = new ProgressLine(stream);
    p.update(() => "a");
    p.update(() => "b"); // within 200 ms: dropped
    p.update(() => "c", true);
    p.clear();
    p.clear(); // nothing shown any more: no write
    expect(writes).toEqual(["\r\x1b[Ka", "\r\x1b[Kc", "\r\x1b[K"]);
  });
});

describe("table output", () => {
  it("formats numbers for reading and null as –", () => {
    expect([
      fmtCell(null),
      fmtCell(93942),
      fmtCell(0.11993),
      fmtCell(12.345),
      fmtCell(-1234.6),
    ]).toEqual(["–", "93,942", "0.1199", "12.3", "-1,235"]);
    expect(fmtInt(1083951)).toBe("1,083,951");
  });

  it("splits wide tables into blocks that fit, repeating the row labels", () => {
    const cols = ["a", "b", "c"].map((g) => ({
      group: g,
      name: `${g}_long_column_name`,
      cells: ["1", "2"],
    }));
    const out = renderTable(["2000", "2001"], "year", cols, 50);
    const lines = out.split("\n").filter(Boolean);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(50);
    expect(lines.filter((l) => l.startsWith("2001"))).toHaveLength(2);
    expect(out).toContain("c_long_column_name");
  });
});
