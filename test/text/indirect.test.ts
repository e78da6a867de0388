/**
 * Indirect attributions (src/text/indirect.ts) on sentences written for this test: the content in
 * the writer's words, the speaker and the cue as written, with offsets.
 */
import { describe, expect, it } from "vitest";
import { extractIndirect } from "../../src/text/indirect.js";
import { extractQuotes } from "../../src/text/quotes.js";

function read(text: string) {
  return extractIndirect(text, extractQuotes(text)).map((a) => {
    expect(text.slice(a.start, a.end).replace(/\s+/g, " ")).toBe(a.text);
    if (a.speaker) expect(text.slice(a.speaker.start, a.speaker.end)).toBe(a.speaker.surface);
    return { text: a.text, speaker: a.speaker?.surface ?? null, cue: a.cueWords?.surface ?? null };
  });
}

describe("indirect attributions", () => {
  it("reads X said (that) …, … X said, and according to X", () => {
    expect(read("The governor said that the budget would be balanced by June.")).toEqual([
      { text: "the budget would be balanced by June", speaker: "The governor", cue: "said" },
    ]);
    expect(read("The budget will be balanced by June, the governor said on Monday.")).toEqual([
      { text: "The budget will be balanced by June", speaker: "the governor", cue: "said" },
    ]);
    expect(read("According to the county clerk, every ballot was counted twice.")).toEqual([
      { text: "every ballot was counted twice", speaker: "the county clerk", cue: "According to" },
    ]);
    expect(read("Every ballot was counted twice, according to the clerk's office.")).toEqual([
      {
        text: "Every ballot was counted twice",
        speaker: "the clerk's office",
        cue: "according to",
      },
    ]);
  });

  it("reads a participle after the clause that names the speaker", () => {
    expect(read("Ortega left the hearing early, saying that the vote had been rigged.")).toEqual([
      { text: "the vote had been rigged", speaker: "Ortega", cue: "saying" },
    ]);
  });

  it("leaves sentences with a direct quotation to the quote extractor", () => {
    expect(read("“The vote was rigged,” Ortega said.")).toEqual([]);
  });
});
