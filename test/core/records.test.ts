import { describe, expect, it } from "vitest";
import { MalformedRecordError, readRecords } from "../../src/core/records.js";

const read = (text: string, delimiter = ",", quoting = true, fromLine = 1) =>
  [...readRecords(text, { delimiter, quoting, fromLine })].map((r) => [r.line, r.fields]);

describe("readRecords", () => {
  it("splits plain lines, LF and CRLF, skipping blank lines but keeping line numbers", () => {
    expect(read("a,b\r\n1,2\r\n\r\n3,\n")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [4, ["3", ""]],
    ]);
  });

  it("starts at fromLine", () => {
    expect(read("pre\n\nh1,h2\n1,2", ",", true, 4)).toEqual([[4, ["1", "2"]]]);
  });

  it("handles quoted delimiters, doubled quotes, and fields spanning lines", () => {
    expect(read('"x, y","say ""hi""",3\n"multi\nline",b,c\n4,5,6\n')).toEqual([
      [1, ["x, y", 'say "hi"', "3"]],
      [2, ["multi\nline", "b", "c"]],
      [4, ["4", "5", "6"]],
    ]);
  });

  it("keeps a quote inside an unquoted field literally", () => {
    expect(read("5'10\",b\n")).toEqual([[1, ["5'10\"", "b"]]]);
  });

  it("reads quotes literally in TSV mode", () => {
    expect(read('a\t"b\tc\n', "\t", false)).toEqual([[1, ["a", '"b', "c"]]]);
  });

  it("reports an unclosed quote with the record's first line", () => {
    expect(() => read('a,b\n1,"2\n3,4\n')).toThrow(MalformedRecordError);
    expect(() => read('a,b\n1,"2\n3,4\n')).toThrow(/line 2/);
  });

  it("reads a last line without a line end", () => {
    expect(read("a,b\n1,2")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
    ]);
  });
});
