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

  it("starts the content after the comma that follows a participle", () => {
    // "Ortega" opens its sentence and is written nowhere else: quotes.ts does not take it for a
    // name, so the attribution is left here, without the comma before the mark.
    expect(read("Ortega then followed up by saying, “The count is over and we won.”")).toEqual([
      { text: "“The count is over and we won.”", speaker: "Ortega", cue: "saying" },
    ]);
  });

  it("reads a paraphrase with a quoted phrase inside, not a sentence that is mostly quotation", () => {
    const text =
      "The mayor said the council had reached a “historic” level of agreement on housing.\n\n" +
      "Ortega said, “We will count every ballot twice if we have to.”";
    expect(read(text)).toEqual([
      {
        text: "the council had reached a “historic” level of agreement on housing",
        speaker: "The mayor",
        cue: "said",
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
