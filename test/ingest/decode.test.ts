import { describe, expect, it } from "vitest";
import { decodeText, headLines, looksBinary } from "../../src/ingest/decode.js";

describe("decodeText", () => {
  it("reads UTF-8 and drops the BOM", () => {
    const r = decodeText(Buffer.from("\uFEFFCôte d’Ivoire", "utf8"));
    expect(r).toEqual({ text: "Côte d’Ivoire", encoding: "utf-8" });
  });

  it("falls back to Windows-1252, including its 0x80–0x9F punctuation", () => {
    const bytes = Buffer.from([
      0x43, 0xf4, 0x74, 0x65, 0x20, 0x64, 0x92, 0x49, 0x20, 0x80, 0x96, 0x93, 0x94,
    ]);
    expect(decodeText(bytes)).toEqual({ text: "Côte d’I €–“”", encoding: "windows-1252" });
  });

  it("tells binary from text and splits head lines on LF and CRLF", () => {
    expect(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.from("a,b\n"))).toBe(false);
    expect(headLines("a\r\nb\nc", 2)).toEqual(["a", "b"]);
  });
});
