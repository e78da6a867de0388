/**
 * Attribution patterns that real news uses (issue 22), each on sentences written for this test
 * after the patterns seen in PolNeAR's train compartment (no corpus sentence is copied): what is
 * quoted, the speaker as written and the cue as written, with offsets.
 */
import { describe, expect, it } from "vitest";
import { cueList } from "../../src/text/cue-verbs.js";
import { extractQuotes, quotedTerms, type RawQuote } from "../../src/text/quotes.js";

/** Quote text, speaker and cue words, with the offsets checked against the text. */
function read(text: string) {
  return extractQuotes(text).map((q: RawQuote) => {
    if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.surface);
    if (q.cueWords) expect(text.slice(q.cueWords.start, q.cueWords.end)).toBe(q.cueWords.surface);
    return {
      text: q.text,
      speaker: q.speaker?.surface ?? null,
      cue: q.cueWords?.surface ?? null,
      ...(q.block ? { block: true } : {}),
    };
  });
}

describe("participle and gerund cues", () => {
  it("reads adding, noting, saying and writing after the clause that names the speaker", () => {
    expect(
      read(
        "The governor defended the budget on Tuesday, adding, “Nobody will lose a clinic under this plan.”",
      ),
    ).toEqual([
      {
        text: "Nobody will lose a clinic under this plan.",
        speaker: "The governor",
        cue: "adding",
      },
    ]);
    expect(
      read(
        "Hours later, Ortega answered the mayor in a letter to the council, writing that “the numbers were never in doubt.”",
      ),
    ).toEqual([{ text: "the numbers were never in doubt.", speaker: "Ortega", cue: "writing" }]);
    expect(
      read("Senator Maria Ruiz closed the hearing, saying: “We will come back to this in May.”"),
    ).toEqual([
      { text: "We will come back to this in May.", speaker: "Senator Maria Ruiz", cue: "saying" },
    ]);
  });

  it("reads a participle after 'by': the speaker followed by observing, “…”", () => {
    const text =
      "The envoy met Ivanov in March. Ivanov immediately followed by observing, “Our partnership keeps growing in every field.”";
    expect(read(text)).toEqual([
      {
        text: "Our partnership keeps growing in every field.",
        speaker: "Ivanov",
        cue: "observing",
      },
    ]);
  });
});

describe("block quotes", () => {
  it("takes a paragraph without marks introduced by a named speaker, a speech verb and a colon", () => {
    const text =
      "President Anna Berg most recently stated that:\n\n" +
      "Our two countries will keep working together on every question of the agenda.\n\n" +
      "The visit ended on Friday.";
    expect(read(text)).toEqual([
      {
        text: "Our two countries will keep working together on every question of the agenda.",
        speaker: "President Anna Berg",
        cue: "stated",
        block: true,
      },
    ]);
  });

  it("does not take a paragraph after a colon that no speaker introduces", () => {
    const text =
      "Here are four reasons the plan could fail:\n\n" +
      "The budget is short by a third and nobody has said where the rest will come from.";
    expect(read(text)).toEqual([]);
  });
});

describe("quotes over several paragraphs", () => {
  it("joins paragraphs that open with a mark until the one that closes, cue before the first", () => {
    const text =
      "In a long statement, the ministry said:\n\n" +
      "“The first point is about the schedule.\n\n" +
      "“The second point is about the money, and it is final.”\n\n" +
      "Reporters left.";
    expect(read(text)).toEqual([
      {
        text: "The first point is about the schedule. The second point is about the money, and it is final.",
        speaker: "the ministry",
        cue: "said",
      },
    ]);
  });
});

describe("speaker in an earlier sentence", () => {
  it("takes the subject of the sentence before when it attributes something, after a connective", () => {
    const text =
      "Petrov argued that the drills were routine. Therefore, “The question of doing more together is already on the table.”";
    expect(read(text)).toEqual([
      {
        text: "The question of doing more together is already on the table.",
        speaker: "Petrov",
        cue: "argued",
      },
    ]);
  });

  it("takes it from the paragraph before when that paragraph's last sentence attributes", () => {
    const text =
      "At the briefing, Petrov argued that the exercise changed little.\n\n" +
      "“Nothing in the schedule has moved, and nothing will.”";
    expect(read(text)).toEqual([
      {
        text: "Nothing in the schedule has moved, and nothing will.",
        speaker: "Petrov",
        cue: "argued",
      },
    ]);
  });
});

describe("according to", () => {
  it("reads according to X before and after the quote, with a comma or a colon", () => {
    expect(
      read("According to the county clerk: “Every ballot was counted twice before noon.”"),
    ).toEqual([
      {
        text: "Every ballot was counted twice before noon.",
        speaker: "the county clerk",
        cue: "According to",
      },
    ]);
    expect(
      read("“Every ballot was counted twice,” according to a statement from the clerk’s office."),
    ).toEqual([
      { text: "Every ballot was counted twice", speaker: "a statement", cue: "according to" },
    ]);
  });
});

describe("partial quotes inside indirect speech", () => {
  it("takes a quoted phrase that is most of what the verb introduces", () => {
    const text = "The mayor called the proposal “a gift to developers.”";
    expect(read(text)).toEqual([
      { text: "a gift to developers.", speaker: "The mayor", cue: "called" },
    ]);
  });

  it("leaves a short phrase inside a longer paraphrase as a quoted term", () => {
    const text =
      "The mayor said the council had reached a “historic” level of agreement on housing.";
    expect(read(text)).toEqual([]);
    expect(quotedTerms(text).map((t) => t.text)).toEqual(["historic"]);
  });
});

describe("cues and speakers", () => {
  it("uses cue verbs learned from the train compartment (not in the old hand list)", () => {
    expect(cueList().find((c) => c.cue === "tweeted")).toMatchObject({ source: "train" });
    expect(read("“See you in Ohio next week,” the candidate tweeted.")).toEqual([
      { text: "See you in Ohio next week", speaker: "the candidate", cue: "tweeted" },
    ]);
  });

  it("keeps a question's sentence open when the cue follows the closing mark", () => {
    const text = "“How big is the new hall going to be?” Ortega said in response. “Very big.”";
    expect(read(text)).toEqual([
      { text: "How big is the new hall going to be?", speaker: "Ortega", cue: "said" },
      { text: "Very big.", speaker: "Ortega", cue: "said" },
    ]);
  });

  it("reads descriptions, titled names in lower case and initials as speakers", () => {
    expect(
      read("“We never planned to stay,” said one of the organisers, who asked not to be named."),
    ).toEqual([
      { text: "We never planned to stay", speaker: "one of the organisers", cue: "said" },
    ]);
    expect(read("“Turnout will decide it,” the 46-year-old said.")).toEqual([
      { text: "Turnout will decide it", speaker: "the 46-year-old", cue: "said" },
    ]);
    expect(
      read("“The map is hard for them,” political scientist Karen Olsen told the paper."),
    ).toEqual([
      { text: "The map is hard for them", speaker: "political scientist Karen Olsen", cue: "told" },
    ]);
    expect(read("“It was never about the money,” says J.J. Moreau.")).toEqual([
      { text: "It was never about the money", speaker: "J.J. Moreau", cue: "says" },
    ]);
  });

  it("reads a colon after any verb or after a bare name", () => {
    expect(
      read("At the town hall, the retired teacher retorted: “Then show us the bill.”"),
    ).toEqual([
      { text: "Then show us the bill.", speaker: "the retired teacher", cue: "retorted" },
    ]);
    expect(
      read("The delay did not surprise pollster Dana Whitfield: “Late counts always move.”"),
    ).toEqual([{ text: "Late counts always move.", speaker: "pollster Dana Whitfield", cue: ":" }]);
  });
});
