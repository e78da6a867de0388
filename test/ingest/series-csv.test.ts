import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BadFileError } from "../../src/core/errors.js";
import { readSeriesCsv } from "../../src/ingest/series-csv.js";
import { fixture, tempDir } from "../helpers.js";

describe("readSeriesCsv", () => {
  it("reads a semicolon file, keeps missing cells as null with their lines", async () => {
    const s = await readSeriesCsv(fixture("trends/series-gaps.csv"), {
      column: "value",
      time: "year",
    });
    expect(s.values.slice(0, 5)).toEqual([1, null, 1.2, null, 0.9]);
    expect(s.times?.slice(0, 3)).toEqual(["2001", "2002", "2003"]);
    expect(s.lines.slice(0, 3)).toEqual([2, 3, 4]);
    expect(s.values).toHaveLength(20);
  });

  it("names file, line and column for a value that is not a number", async () => {
    const path = fixture("trends/series-bad.csv");
    const err = await readSeriesCsv(path, { column: "value" }).catch((e) => e);
    expect(err).toBeInstanceOf(BadFileError);
    expect(err.message).toBe(`${path}:4: value is "abc", not a number`);
    expect(err.hint).toMatch(/leave the cell empty/);
  });

  it("lists the columns when one is missing, and catches ragged rows and empty files", async () => {
    const path = fixture("trends/series-bad.csv");
    const err = await readSeriesCsv(path, { column: "flow" }).catch((e) => e);
    expect(err.message).toBe(`${path}:1: has no value column "flow"`);
    expect(err.hint).toBe("Columns: year, value, note");
    const dir = tempDir();
    const ragged = join(dir, "ragged.csv");
    writeFileSync(ragged, "year,value\n2001,1\n2002,2,3\n");
    expect((await readSeriesCsv(ragged, { column: "value" }).catch((e) => e)).message).toBe(
      `${ragged}:3: has 3 fields where the header has 2`,
    );
    const empty = join(dir, "header-only.csv");
    writeFileSync(empty, "year,value\n");
    expect((await readSeriesCsv(empty, { column: "value" }).catch((e) => e)).message).toMatch(
      /no data rows/,
    );
    const quoted = join(dir, "quoted.csv");
    writeFileSync(quoted, '"year","value"\n"2001","1,5"\n');
    expect((await readSeriesCsv(quoted, { column: "value" }).catch((e) => e)).message).toBe(
      `${quoted}:2: value is "1,5", not a number`,
    );
  });
});
