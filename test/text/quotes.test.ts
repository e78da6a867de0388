import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  extractQuotes,
  lastNamedSpeaker,
  quotedTerms,
  type RawQuote,
} from "../../src/text/quotes.js";

const CORPUS = fileURLToPath(new URL("../fixtures/text/corpus/", import.meta.url));

/** The span of the first occurrence of `s` in `text` (at or after `from`). */
function at(text: string, s: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(s, from);
  if (start < 0) throw new Error(`not in text: ${s}`);
  return { start, end: start + s.length };
}

/** The span of `word` where it first occurs inside `context`. */
function atIn(text: string, word: string, context: string): { start: number; end: number } {
  const start = at(text, context).start + context.indexOf(word);
  return { start, end: start + word.length };
}

/** The essentials of a quote, for compact expectations. */
const brief = (q: RawQuote) => ({
  text: q.text,
  speaker: q.speaker?.surface ?? null,
  pronoun: q.pronoun,
  cue: q.cue,
});

describe("quotation marks", () => {
  it("reads straight quotes with the cue after them, with exact offsets", () => {
    const text = `"Our relations have never been better," Lavrov said.`;
    const [q, ...rest] = extractQuotes(text);
    expect(rest).toEqual([]);
    expect(q).toEqual({
      ...at(text, "Our relations have never been better"),
      text: "Our relations have never been better",
      speaker: { surface: "Lavrov", ...at(text, "Lavrov") },
      pronoun: false,
      cue: "said",
      cueWords: { surface: "said", ...at(text, "said") },
    });
  });

  it("reads curly quotes and guillemets, keeps apostrophes and nested single quotes inside", () => {
    const text =
      "“When I asked my colleague, he answered: ‘We’re here to learn,’” Shoigu said.\n\n" +
      "« France is an important partner for us », Sergueï Lavrov added.";
    const quotes = extractQuotes(text);
    expect(quotes.map(brief)).toEqual([
      {
        text: "When I asked my colleague, he answered: ‘We’re here to learn,’",
        speaker: "Shoigu",
        pronoun: false,
        cue: "said",
      },
      {
        text: "France is an important partner for us",
        speaker: "Sergueï Lavrov",
        pronoun: false,
        cue: "added",
      },
    ]);
    expect(quotes[1]?.start).toBe(at(text, "France is").start);
    expect(quotes[1]?.end).toBe(at(text, "for us").end);
  });

  it("does not take apostrophes or single quotes outside a double quote for quotation marks", () => {
    expect(extractQuotes("Russia’s position hasn’t changed, the minister's aide said.")).toEqual(
      [],
    );
  });

  it("survives unbalanced marks: an opening mark without a close yields no quote", () => {
    const text =
      'Wang said the side should "abandon its habit of interfering.\n\n' +
      'The talks ran for three hours." A second session followed.\n\n' +
      '"We are ready to talk," Wang Yi said.';
    expect(extractQuotes(text).map(brief)).toEqual([
      { text: "We are ready to talk", speaker: "Wang Yi", pronoun: false, cue: "said" },
    ]);
    for (const t of ['"', '""', "“", "”", "«", 'a "b', '"a" "', '\n\n"\n\n"', "LAVROV:"])
      expect(() => extractQuotes(t)).not.toThrow();
  });

  it("recovers from an unclosed mark inside a paragraph that has more quotes", () => {
    const text =
      'Wang said the side should "abandon its habit. Later, "We are ready to talk," Wang Yi said.';
    expect(extractQuotes(text).map(brief)).toEqual([
      { text: "We are ready to talk", speaker: "Wang Yi", pronoun: false, cue: "said" },
    ]);
  });

  it("keeps a nested double quote inside the outer one", () => {
    const text = '"We reject the so-called "no limits" talk, and always will," he said.';
    expect(extractQuotes(text).map((q) => q.text)).toEqual([
      'We reject the so-called "no limits" talk, and always will',
    ]);
    expect(quotedTerms(text)).toEqual([]);
  });

  it("closes a quote whose closing mark was typed as an opening one (“…“)", () => {
    const text = "“We are ready to work with Washington,“ Wang Yi said.";
    expect(extractQuotes(text).map(brief)).toEqual([
      {
        text: "We are ready to work with Washington",
        speaker: "Wang Yi",
        pronoun: false,
        cue: "said",
      },
    ]);
  });
});

describe("cues", () => {
  it.each([
    [`"We will not be lectured by anyone," Putin told reporters.`, "Putin", "told"],
    [`"We will not be lectured by anyone," said Vladimir Putin.`, "Vladimir Putin", "said"],
    [`Putin said: "We will not be lectured by anyone."`, "Putin", "said"],
    [`Putin said that "we will not be lectured by anyone."`, "Putin", "said"],
    [`"We will not be lectured by anyone", according to Mr. Putin.`, "Mr. Putin", "according to"],
    [`According to Mr Xi, "we will not be lectured by anyone."`, "Mr Xi", "according to"],
    [`Shoigu stated that "we will not be lectured by anyone."`, "Shoigu", "stated"],
    [`Wang Yi added: "We will not be lectured by anyone."`, "Wang Yi", "added"],
    [
      `"We will not be lectured by anyone," Putin said, adding that talks would go on.`,
      "Putin",
      "said",
    ],
    [`"We will not be lectured by anyone," Lavrov pointed out.`, "Lavrov", "pointed out"],
    [`"We will not be lectured by anyone," Lavrov emphasised.`, "Lavrov", "emphasised"],
    [`"We will not be lectured by anyone," Lavrov later insisted.`, "Lavrov", "insisted"],
    [`"We will not be lectured by anyone," writes Wang Yi.`, "Wang Yi", "writes"],
  ])("%s", (text, speaker, cue) => {
    const [q, ...rest] = extractQuotes(text);
    expect(rest).toEqual([]);
    expect(q?.text.toLowerCase()).toBe(
      "we will not be lectured by anyone.".slice(0, q?.text.length),
    );
    expect(q?.speaker?.surface).toBe(speaker);
    expect(q?.cue).toBe(cue);
    if (q?.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(speaker);
  });

  it("takes titles, title phrases and organisations as speaker surfaces", () => {
    const cases: [string, string][] = [
      [
        `Foreign Minister Sergei Lavrov said: "The door is open to talks."`,
        "Foreign Minister Sergei Lavrov",
      ],
      [
        `"The door is open to talks," Russian President Vladimir Putin said.`,
        "Russian President Vladimir Putin",
      ],
      [
        `"The door is open to talks," the Russian foreign minister said.`,
        "the Russian foreign minister",
      ],
      [`"The door is open to talks," China's defence minister said.`, "China's defence minister"],
      [`"The door is open to talks," a Kremlin spokesman said.`, "a Kremlin spokesman"],
      [`"The door is open to talks," the ministry said in a statement.`, "the ministry"],
      [
        `"The door is open to talks," Kremlin spokesman Dmitry Peskov said.`,
        "Kremlin spokesman Dmitry Peskov",
      ],
      [
        `"The door is open to talks," Secretary of State Antony Blinken said.`,
        "Secretary of State Antony Blinken",
      ],
      [`"The door is open to talks," Jean-Yves Le Drian told reporters.`, "Jean-Yves Le Drian"],
      [`"The door is open to talks," said Hélène Gonçalves, a spokeswoman.`, "Hélène Gonçalves"],
      [`"The door is open to talks," said Laurent de Saint-Aubin.`, "Laurent de Saint-Aubin"],
      [`"The door is open to talks," his deputy said.`, "his deputy"],
    ];
    for (const [text, surface] of cases) {
      const [q] = extractQuotes(text);
      expect(q?.speaker, text).toEqual({ surface, ...at(text, surface) });
      expect(q?.pronoun).toBe(false);
    }
  });

  it("keeps a trailing apposition out of the surface", () => {
    const text = `Sergei Lavrov, Russia's foreign minister, said: "Nothing has changed at all."`;
    const [q] = extractQuotes(text);
    expect(q?.speaker).toEqual({ surface: "Sergei Lavrov", ...at(text, "Sergei Lavrov") });
    expect(q?.apposition).toBe("Russia's foreign minister");
    const inverted = `"Nothing has changed at all," said Elena Markova, an energy analyst.`;
    expect(extractQuotes(inverted)[0]?.apposition).toBe("an energy analyst");
  });

  it("marks he/she/they as pronouns, and resolves them to the last named speaker", () => {
    const text =
      '"We are partners, not allies," Wang Yi said. "Our ties are stable," he added.\n\n' +
      '"The talks were useful," the minister said.';
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => [q.speaker?.surface, q.pronoun, q.cue])).toEqual([
      ["Wang Yi", false, "said"],
      ["he", true, "added"],
      ["the minister", false, "said"],
    ]);
    expect(quotes[1]?.speaker).toEqual({ surface: "he", ...atIn(text, "he", "he added") });
    expect(lastNamedSpeaker(quotes, 1)?.surface).toBe("Wang Yi");
    expect(lastNamedSpeaker(quotes, 0)).toBeNull();
  });
});

describe("split and multi-paragraph quotes", () => {
  it("gives the second part of a split quote to the same speaker (cue continued)", () => {
    const text =
      '"We are not building an alliance," Putin told reporters. "But we choose our friends."\n\n' +
      '"India will decide," he added, "on the basis of its own interests."';
    expect(extractQuotes(text).map(brief)).toEqual([
      { text: "We are not building an alliance", speaker: "Putin", pronoun: false, cue: "told" },
      { text: "But we choose our friends.", speaker: "Putin", pronoun: false, cue: "continued" },
      { text: "India will decide", speaker: "he", pronoun: true, cue: "added" },
      {
        text: "on the basis of its own interests.",
        speaker: "he",
        pronoun: true,
        cue: "continued",
      },
    ]);
  });

  it("continues into the next paragraph when that one is just the rest of the quote", () => {
    const text =
      '"I am a cautious optimist," he said.\n\n"Our friends are tough negotiators, but so are we."';
    expect(extractQuotes(text).map((q) => q.cue)).toEqual(["said", "continued"]);
  });

  it("does not continue a quote that has its own cue", () => {
    const text = '"We discussed Afghanistan," Lavrov said. "And we agreed on it," Jaishankar said.';
    expect(extractQuotes(text).map((q) => q.speaker?.surface)).toEqual(["Lavrov", "Jaishankar"]);
  });

  it("emits one quote for a colon-introduced block over several paragraphs", () => {
    const text =
      "MOSCOW, March 21, 2023 — Speaking at a reception, Xi told the meeting:\n\n" +
      '"Dear friends. It is my pleasure to come again.\n\n' +
      '"The world has changed profoundly.\n\n' +
      '"China is ready to work with Russia."\n\n' +
      "Putin thanked him.";
    const quotes = extractQuotes(text);
    expect(quotes).toEqual([
      {
        start: at(text, "Dear friends").start,
        end: at(text, "with Russia.").end,
        text: "Dear friends. It is my pleasure to come again. The world has changed profoundly. China is ready to work with Russia.",
        speaker: { surface: "Xi", ...atIn(text, "Xi", "Xi told") },
        pronoun: false,
        cue: "told",
        cueWords: { surface: "told", ...at(text, "told") },
      },
    ]);
  });

  it("reads a news-style continued quote whose cue is in the last paragraph", () => {
    const text =
      '"The first part of the answer is long.\n\n"The second part ends it," the minister said.';
    expect(extractQuotes(text).map(brief)).toEqual([
      {
        text: "The first part of the answer is long. The second part ends it",
        speaker: "the minister",
        pronoun: false,
        cue: "said",
      },
    ]);
  });
});

describe("speaker from the neighbouring sentence", () => {
  it("takes the subject of the previous sentence when the quote has no cue", () => {
    const text =
      'Foreign Minister Sergei Lavrov met Wang Yi. Lavrov spoke of the partnership. "It has never been stronger than today."';
    const [q] = extractQuotes(text);
    expect(brief(q as RawQuote)).toEqual({
      text: "It has never been stronger than today.",
      speaker: "Lavrov",
      pronoun: false,
      cue: "previous sentence",
    });
    expect(q?.speaker?.start).toBe(at(text, "Lavrov spoke").start);
  });

  it("leaves the speaker null when the previous sentence is not about a person", () => {
    const text = 'The meeting ran late. "Every question on the agenda was discussed."';
    expect(extractQuotes(text).map(brief)).toEqual([
      {
        text: "Every question on the agenda was discussed.",
        speaker: null,
        pronoun: false,
        cue: "none",
      },
    ]);
  });

  it("does not take a sentence-opening common word for a name", () => {
    const text = 'Analysts were cautious. "The deal is far from done, whatever they say."';
    expect(extractQuotes(text)[0]?.speaker).toBeNull();
  });

  it("reads a speaker named in the following sentence", () => {
    const text =
      'Xi met Putin. Then they parted.\n\n"Let us keep in touch, dear friend." Those were Xi\'s words to Putin.';
    const [q] = extractQuotes(text);
    expect(q?.cue).toBe("following sentence");
    expect(q?.speaker).toEqual({ surface: "Xi", ...atIn(text, "Xi", "Xi's") });
  });
});

describe("transcripts", () => {
  it("reads NAME: turns as quotes and skips the questions", () => {
    const text =
      "Moscow, April 14, 2016. Transcript.\n\n" +
      "Q: Is an alliance on the table?\n\n" +
      'LAVROV: No. We do not create "alliances".\n\n' +
      "These are relations of a new type.\n\n" +
      "Q (from the audience): And India?\n\n" +
      "LAVROV: A special partner.";
    const quotes = extractQuotes(text);
    expect(quotes.map(brief)).toEqual([
      {
        text: 'No. We do not create "alliances". These are relations of a new type.',
        speaker: "LAVROV",
        pronoun: false,
        cue: "transcript",
      },
      { text: "A special partner.", speaker: "LAVROV", pronoun: false, cue: "transcript" },
    ]);
    expect(quotes[0]?.speaker).toEqual({ surface: "LAVROV", ...at(text, "LAVROV") });
    expect(quotes[0]?.start).toBe(at(text, "No. We do").start);
  });
});

describe("transcripts need two labelled turns", () => {
  it("does not read a lone capitalised label as a transcript", () => {
    const text =
      'UPDATE: adds comment.\n\nBACKGROUND: none.\n\n"We are ready for talks," Lavrov said.';
    expect(extractQuotes(text).map((q) => q.cue)).toEqual(["said"]);
    expect(extractQuotes("EDITOR: one line only.\n\nThe text goes on.")).toEqual([]);
  });
});

describe("scare quotes and titles", () => {
  it("does not take 1–3 quoted words without a cue for a quote, and lists them as terms", () => {
    const text =
      'The so-called "no limits" partnership and the "Power of Siberia" pipeline. ' +
      'Lavrov said Russia valued the "unprecedented level" of trust.';
    expect(extractQuotes(text)).toEqual([]);
    expect(quotedTerms(text)).toEqual([
      { ...at(text, "no limits"), text: "no limits" },
      { ...at(text, "Power of Siberia"), text: "Power of Siberia" },
      { ...at(text, "unprecedented level"), text: "unprecedented level" },
    ]);
  });

  it("takes a longer partial quote inside a cue sentence", () => {
    const text = 'Xi said the two countries should "firmly support each other on core issues".';
    expect(extractQuotes(text).map(brief)).toEqual([
      {
        text: "firmly support each other on core issues",
        speaker: "Xi",
        pronoun: false,
        cue: "said",
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Evaluation over the annotated corpus (test/fixtures/text/corpus/gold.json).
//
// Annotation policy: a quote is a span of someone's words in quotation marks (or a transcript
// turn) that a reader would attribute, whether or not the extractor's rules can; quoted spans of
// 1–3 words inside a sentence (scare quotes, titles, slogans) are terms, not quotes. `speaker` is
// the full canonical name of the person, the organisation or title surface for organisations and
// anonymous speakers, null when the text does not say; `pronoun_of` marks pronoun surfaces.
// The files marked `held_out` were written after the rules were frozen and were never used to
// tune them; they give the less flattering figures.

interface GoldQuote {
  text_start: string;
  speaker: string | null;
  pronoun_of?: string;
  cue: string;
  surface: string | null;
  tags?: string[];
}
interface GoldDoc {
  file: string;
  held_out?: boolean;
  quotes: GoldQuote[];
  terms: string[];
}

const gold = JSON.parse(readFileSync(`${CORPUS}gold.json`, "utf8")) as GoldDoc[];
const STOP = new Set(["the", "a", "an", "of", "de", "le", "la", "du", "van", "von", "bin", "al"]);
const tokens = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w.length >= 2 && !STOP.has(w));
const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}]+/u));

interface Figures {
  gold: number;
  extracted: number;
  found: number;
  correct: number;
  withSpeaker: number;
  speakerToken: number;
  speakerLiteral: number;
  surfaceExact: number;
  cue: number;
  pronouns: number;
  pronounFlag: number;
  pronounResolved: number;
  goldTerms: number;
  terms: number;
  termsFound: number;
  misses: string[];
}

function evaluate(docs: GoldDoc[]): Figures {
  const f: Figures = {
    gold: 0,
    extracted: 0,
    found: 0,
    correct: 0,
    withSpeaker: 0,
    speakerToken: 0,
    speakerLiteral: 0,
    surfaceExact: 0,
    cue: 0,
    pronouns: 0,
    pronounFlag: 0,
    pronounResolved: 0,
    goldTerms: 0,
    terms: 0,
    termsFound: 0,
    misses: [],
  };
  for (const doc of docs) {
    const text = readFileSync(`${CORPUS}${doc.file}`, "utf8");
    const quotes = extractQuotes(text);
    f.gold += doc.quotes.length;
    f.extracted += quotes.length;
    const used = new Set<number>();
    for (const g of doc.quotes) {
      const i = quotes.findIndex((q, k) => !used.has(k) && q.text.startsWith(g.text_start));
      const q = quotes[i];
      if (!q) {
        f.misses.push(`${doc.file}: not found "${g.text_start}"`);
        continue;
      }
      used.add(i);
      f.found++;
      f.withSpeaker++;
      const surface = q.speaker?.surface ?? null;
      let agree: boolean;
      if (g.pronoun_of) {
        f.pronouns++;
        agree = q.pronoun;
        if (q.pronoun) f.pronounFlag++;
        const named = lastNamedSpeaker(quotes, i)?.surface ?? "";
        if (tokens(g.pronoun_of).some((t) => words(named).has(t))) f.pronounResolved++;
        else f.misses.push(`${doc.file}: "${surface}" resolved to "${named}" (${g.pronoun_of})`);
      } else if (g.speaker === null) {
        agree = surface === null;
      } else {
        agree = surface !== null && tokens(g.speaker).some((t) => words(surface).has(t));
      }
      if (agree) f.speakerToken++;
      else f.misses.push(`${doc.file}: speaker "${surface}" for "${g.text_start}" (${g.speaker})`);
      if (
        g.speaker !== null &&
        !g.pronoun_of &&
        surface?.toLowerCase().includes(g.speaker.toLowerCase())
      )
        f.speakerLiteral++;
      if ((surface ?? "").toLowerCase() === (g.surface ?? "").toLowerCase()) f.surfaceExact++;
      if (q.cue === g.cue) f.cue++;
    }
    f.correct += used.size;
    for (const [k, q] of quotes.entries())
      if (!used.has(k)) f.misses.push(`${doc.file}: spurious "${q.text.slice(0, 40)}"`);
    const terms = quotedTerms(text).map((t) => t.text);
    f.goldTerms += doc.terms.length;
    f.terms += terms.length;
    const pool = [...terms];
    for (const t of doc.terms) {
      const k = pool.indexOf(t);
      if (k >= 0) {
        pool.splice(k, 1);
        f.termsFound++;
      }
    }
  }
  return f;
}

const pct = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const show = (a: number, b: number): string => `${(100 * pct(a, b)).toFixed(1)}% (${a}/${b})`;

function report(name: string, f: Figures): void {
  console.log(
    [
      `quotes — ${name}: ${f.gold} gold quotes, ${f.extracted} extracted`,
      `  detection precision ${show(f.correct, f.extracted)}, recall ${show(f.found, f.gold)}`,
      `  speaker agreement (name token in surface, or pronoun flag) ${show(f.speakerToken, f.found)}`,
      `  surface exactly as annotated ${show(f.surfaceExact, f.found)}; cue as annotated ${show(f.cue, f.found)}`,
      `  pronouns flagged ${show(f.pronounFlag, f.pronouns)}; resolved by lastNamedSpeaker ${show(f.pronounResolved, f.pronouns)}`,
      `  gold full name literally in the surface ${f.speakerLiteral} of ${f.found} found`,
      `  quoted terms precision ${show(f.termsFound, f.terms)}, recall ${show(f.termsFound, f.goldTerms)}`,
      ...f.misses.map((m) => `  - ${m}`),
    ].join("\n"),
  );
}

describe("annotated corpus", () => {
  const dev = gold.filter((d) => !d.held_out);
  const heldOut = gold.filter((d) => d.held_out);

  it("has the documents and quotes it claims", () => {
    expect(dev.length).toBeGreaterThanOrEqual(12);
    for (const doc of gold) {
      const text = readFileSync(`${CORPUS}${doc.file}`, "utf8");
      expect(text.split("\n")[1], doc.file).toBe("");
      const flat = text.replace(/\s+/g, " ");
      for (const g of doc.quotes) {
        expect(flat, doc.file).toContain(g.text_start);
        if (g.surface) expect(flat, doc.file).toContain(g.surface);
      }
    }
  });

  it("extracts quotes with exact offsets from every document", () => {
    for (const doc of gold) {
      const text = readFileSync(`${CORPUS}${doc.file}`, "utf8");
      for (const q of extractQuotes(text)) {
        if (!text.slice(q.start, q.end).includes("\n\n"))
          expect(text.slice(q.start, q.end).replace(/\s+/g, " ")).toBe(q.text);
        expect(text.slice(q.start, q.start + 10)).toBe(q.text.slice(0, 10));
        if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.surface);
      }
    }
  });

  it("scores on the development documents (the rules were written against these)", () => {
    const f = evaluate(dev);
    report("development set", f);
    // Achieved: precision 100%, recall 97.8%, speaker 94.5%, surface 98.9%, cue 100%, pronouns
    // resolved 87%. The bounds leave a small margin so that a regression fails.
    expect(pct(f.correct, f.extracted)).toBeGreaterThanOrEqual(0.97);
    expect(pct(f.found, f.gold)).toBeGreaterThanOrEqual(0.95);
    expect(pct(f.speakerToken, f.found)).toBeGreaterThanOrEqual(0.92);
    expect(pct(f.surfaceExact, f.found)).toBeGreaterThanOrEqual(0.95);
    expect(pct(f.cue, f.found)).toBeGreaterThanOrEqual(0.95);
    expect(pct(f.pronounResolved, f.pronouns)).toBeGreaterThanOrEqual(0.8);
  });

  it("scores on the held-out documents (never used to tune the rules)", () => {
    const f = evaluate(heldOut);
    report("held-out set", f);
    // Achieved: precision 100%, recall 80%, speaker 90%, surface 95%.
    expect(pct(f.correct, f.extracted)).toBeGreaterThanOrEqual(0.95);
    expect(pct(f.found, f.gold)).toBeGreaterThanOrEqual(0.76);
    expect(pct(f.speakerToken, f.found)).toBeGreaterThanOrEqual(0.85);
    expect(pct(f.surfaceExact, f.found)).toBeGreaterThanOrEqual(0.9);
  });

  it("reports the whole corpus", () => {
    const f = evaluate(gold);
    report("whole corpus", f);
    expect(f.gold).toBeGreaterThanOrEqual(60);
  });
});
