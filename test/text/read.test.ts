import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BadFileError, BadInputError } from "../../src/core/errors.js";
import {
  decodeUtf8,
  documentFromString,
  firstInvalidUtf8,
  formatOf,
  readDocument,
} from "../../src/text/read.js";
import type { TextDocument } from "../../src/text/types.js";

const FORMATS = fileURLToPath(new URL("../fixtures/text/formats/", import.meta.url));
const fixture = (name: string) => join(FORMATS, name);

/** The paragraph texts, checking that the spans tile `text` exactly with "\n\n" between them. */
function paragraphTexts(doc: TextDocument): string[] {
  const out = doc.paragraphs.map((p) => doc.text.slice(p.start, p.end));
  expect(out.join("\n\n")).toBe(doc.text);
  for (const p of out) {
    expect(p).toBe(p.trim());
    expect(p).not.toMatch(/\s{2}|\n/);
  }
  return out;
}

async function rejection(p: Promise<unknown>): Promise<BadFileError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BadFileError);
    return e as BadFileError;
  }
  throw new Error("expected a rejection");
}

describe("readDocument: HTML news page", () => {
  it("keeps the article's paragraphs, in order, and nothing else", async () => {
    const doc = await readDocument(fixture("news.html"));
    expect(doc.format).toBe("html");
    expect(doc.path).toBe(fixture("news.html"));
    expect(doc.title).toBe("Russia and China sign energy pact");
    expect(paragraphTexts(doc)).toEqual([
      "SHANGHAI, May 21, 2014 — Russia and China signed a thirty-year gas supply agreement on Wednesday after a decade of negotiations, a deal that officials in both capitals described as a turning point in the Sino-Russian relationship.",
      "President Vladimir Putin, on a two-day visit to Shanghai, said the contract showed that Moscow had “reliable partners in the East” at a time when Western governments were threatening new sanctions over Ukraine. Chinese officials declined to disclose the price.",
      "A long negotiation",
      "Talks between Gazprom and the China National Petroleum Corporation stalled repeatedly over pricing. Analysts said the final terms reflected Russia's weaker bargaining position after its relations with the European Union deteriorated earlier in the year.",
      "“This is the largest contract in the history of Gazprom,” the company’s chief executive told reporters in Shanghai.",
      "The pipeline will carry 38 billion cubic metres of gas a year.",
      "Deliveries are expected to start in 2018 at the earliest.",
      "Both governments also pledged to coordinate their positions within the Shanghai Cooperation Organisation and the BRICS group ahead of the summits planned for next year.",
    ]);
  });

  it("drops scripts, styles, menus, the cookie banner, share buttons, related links and comments", async () => {
    const { text } = await readDocument(fixture("news.html"));
    for (const junk of [
      "TRACKING_SECRET_PAGEVIEW",
      "dataLayer",
      "trackPageView",
      "font-family",
      "cookie",
      "Accept all",
      "World News",
      "Business Desk",
      "Opinion Pages",
      "Subscribe Today",
      "Share on Facebook",
      "Email this story",
      "Related stories",
      "Celebrity chef",
      "Reader comments",
      "ReaderOne",
      "GasFan99",
      "About Us",
      "Privacy Policy",
      "Contact the Newsroom",
      "All rights reserved",
      "Daily Ledger",
      "&mdash;",
      "&#39;",
      "<",
    ]) {
      expect(text, junk).not.toContain(junk);
    }
  });

  it("falls back to the body without nav/header/footer/aside/form on a page too small for Readability", async () => {
    const doc = await readDocument(fixture("tiny.html"));
    expect(doc.title).toBe("Tiny page");
    expect(paragraphTexts(doc)).toEqual([
      "Short statement on NATO & the EU.",
      "Second line.",
      "Third after double break.",
    ]);
    for (const junk of ["SECRET_SCRIPT", "Home menu", "Site header", "Sidebar", "Footer", "Search"])
      expect(doc.text).not.toContain(junk);
  });

  it("drops boilerplate marked by class, id or role on a short page", async () => {
    const doc = await readDocument(fixture("short-news.html"));
    expect(doc.title).toBe("Brief: SCO ministers meet");
    expect(paragraphTexts(doc)).toEqual([
      "SCO ministers meet",
      "ASTANA, 4 July 2024 — Foreign ministers of the SCO met on Thursday.",
      "They discussed security in Central Asia.",
    ]);
  });

  it("reads a table row as one paragraph", () => {
    const doc = documentFromString(
      "<body><table><tr><th>State</th><th>Joined</th></tr><tr><td>India</td><td>2017</td></tr></table></body>",
      "html",
    );
    expect(paragraphTexts(doc)).toEqual(["State Joined", "India 2017"]);
  });

  it("takes the title from <h1> when there is no <title>", () => {
    const doc = documentFromString(
      "<html><body><h1>Summit &amp; after</h1><p>One line.</p></body></html>",
      "html",
    );
    expect(doc.title).toBe("Summit & after");
    expect(paragraphTexts(doc)).toEqual(["Summit & after", "One line."]);
  });

  it("reads each list item, heading and blockquote as a paragraph", () => {
    const doc = documentFromString(
      "<body><h2>Head</h2><ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul><blockquote>Quoted <b>words</b></blockquote></body>",
      "html",
    );
    expect(paragraphTexts(doc)).toEqual(["Head", "One", "Nested", "Two", "Quoted words"]);
  });
});

describe("readDocument: Markdown op-ed", () => {
  it("removes front matter and markup, keeps paragraphs and takes the front-matter title", async () => {
    const doc = await readDocument(fixture("oped.md"));
    expect(doc.format).toBe("md");
    expect(doc.title).toBe("Why the SCO matters more than you think");
    expect(paragraphTexts(doc)).toEqual([
      "The Shanghai club grows up",
      "Op-ed by Li Wei, published 14 June 2019.",
      "When the Shanghai Cooperation Organisation met in Bishkek this week, few Western readers noticed. That is a mistake: the organisation now spans India, Pakistan, Russia and China.",
      "Three reasons",
      "It has a permanent secretariat and a counter-terrorism structure (RATS).",
      "Its members hold joint exercises every year.",
      "Observers such as Iran want to join.",
      "First bullet with an SCO logo image.",
      "Second bullet with inline HTML & an entity.",
      '"We are not building a bloc," one diplomat said. "We are building habits."',
      "Another delegate disagreed.",
      "Read more on our site.",
    ]);
    for (const junk of [
      "---",
      "author:",
      "#",
      "*",
      "__",
      "`",
      "](",
      "[site]",
      "<span",
      "&amp;",
      ">",
    ])
      expect(doc.text, junk).not.toContain(junk);
  });

  it("takes the first heading as title without front matter, setext headings included", () => {
    const doc = documentFromString("Big news\n========\n\nSome _text_ here.\n", "md");
    expect(doc.title).toBe("Big news");
    expect(paragraphTexts(doc)).toEqual(["Big news", "Some text here."]);
    expect(documentFromString("Just text.\n", "md").title).toBeNull();
  });
});

describe("readDocument: plain text", () => {
  it("splits paragraphs on blank lines and joins wrapped lines with spaces", async () => {
    const doc = await readDocument(fixture("transcript.txt"));
    expect(doc.format).toBe("txt");
    expect(doc.title).toBe("Press conference of the Foreign Minister, 3 March 2022");
    expect(paragraphTexts(doc)).toEqual([
      "Press conference of the Foreign Minister, 3 March 2022",
      "Moscow, 3 March 2022",
      "QUESTION: Minister, how do you assess the position of the Chinese side?",
      "LAVROV: Our relations with China are at their highest point in history. We will continue to coordinate within the SCO and BRICS.",
      "QUESTION: Thank you.",
    ]);
  });

  it("has no title when the first line is long or runs on", () => {
    expect(documentFromString(`${"x".repeat(130)}\n\nBody.`, "txt").title).toBeNull();
    expect(documentFromString("Line one\nline two\n\nBody.", "txt").title).toBeNull();
    expect(documentFromString("Only one line", "txt").title).toBeNull();
    expect(documentFromString("", "txt")).toMatchObject({ text: "", paragraphs: [], title: null });
  });

  it("strips a UTF-8 BOM and turns CRLF and CR into LF", async () => {
    const doc = await readDocument(fixture("bom-crlf.txt"));
    expect(doc.text).not.toMatch(/[\r\uFEFF]/);
    expect(doc.title).toBe("BOM title line");
    expect(paragraphTexts(doc)).toEqual([
      "BOM title line",
      "First paragraph line one line two ends here.",
      "Second paragraph, with Café and São Tomé.",
    ]);
    const cr = await readDocument(fixture("cr-only.txt"));
    expect(paragraphTexts(cr)).toEqual(["Old paragraph with a CR only line end.", "Next one."]);
    expect(documentFromString("\uFEFFA\r\nb\r\rc", "txt").text).toBe("A b\n\nc");
  });

  it("puts text in NFC so a decomposed é is one code unit", () => {
    const doc = documentFromString("Cafe\u0301 in Ko\u0308ln", "txt");
    expect(doc.text).toBe("Café in Köln");
    expect(doc.text.length).toBe(12);
  });
});

describe("readDocument: errors", () => {
  it("refuses unknown extensions with a typed error naming the file and the formats", async () => {
    const e = await rejection(readDocument("/tmp/report.docx"));
    expect(e).toBeInstanceOf(BadInputError);
    expect(e.code).toBe("bad_file");
    expect(e.path).toBe("/tmp/report.docx");
    expect(e.message).toContain("/tmp/report.docx");
    expect(e.message).toContain(".docx");
    expect(e.hint).toContain(".txt, .md, .markdown, .html, .htm");
    expect(() => formatOf("README")).toThrow(/without an extension/);
    expect(formatOf("A.HTM")).toBe("html");
    expect(formatOf("x.markdown")).toBe("md");
  });

  it("says PDF is not supported and how to convert it", async () => {
    const e = await rejection(readDocument("/tmp/speech.pdf"));
    expect(e.message).toBe("/tmp/speech.pdf: PDF documents are not supported");
    expect(e.hint).toContain("pdftotext");
    expect(() => documentFromString("%PDF-1.4", "pdf")).toThrow(BadFileError);
  });

  it("reports a missing file", async () => {
    const e = await rejection(readDocument(fixture("no-such-file.txt")));
    expect(e.message).toContain("no such file");
  });

  it("refuses invalid UTF-8 naming the byte offset", async () => {
    const e = await rejection(readDocument(fixture("latin1.txt")));
    expect(e.message).toContain("invalid UTF-8 at byte offset 11 (byte 0xE9)");
    expect(e.hint).toContain("UTF-8");
    const dir = mkdtempSync(join(tmpdir(), "entente-read-"));
    const path = join(dir, "trunc.md");
    writeFileSync(path, Buffer.from([0x61, 0x62, 0xe2, 0x82]));
    const t = await rejection(readDocument(path));
    expect(t.message).toContain("byte offset 2");
  });

  it("finds the first invalid byte: stray, overlong, surrogate, out of range, truncated", () => {
    const at = (bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at([0x61, 0xc3, 0xa9, 0x62])).toBe(4); // valid: "aéb"
    expect(at([0x61, 0x80])).toBe(1); // stray continuation byte
    expect(at([0xc0, 0xaf])).toBe(0); // overlong "/"
    expect(at([0x61, 0xe0, 0x80, 0xaf])).toBe(1); // overlong 3-byte
    expect(at([0x61, 0x62, 0xed, 0xa0, 0x80])).toBe(2); // UTF-16 surrogate
    expect(at([0xf4, 0x90, 0x80, 0x80])).toBe(0); // above U+10FFFF
    expect(at([0x61, 0xf0, 0x9f, 0x98])).toBe(1); // truncated emoji
    expect(at([0xf0, 0x9f, 0x98, 0x80])).toBe(4); // valid emoji
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), "x")).toBe("hi");
    expect(() => decodeUtf8(Uint8Array.from([0x68, 0xff]), "x.txt")).toThrow(
      "x.txt: invalid UTF-8 at byte offset 1 (byte 0xFF)",
    );
  });
});
