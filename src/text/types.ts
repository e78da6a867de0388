/**
 * Shapes shared by the text pipeline (src/text): a document's plain text and the spans found in
 * it. Every offset is a UTF-16 index into `TextDocument.text` (JavaScript string index), so a
 * reader can check any finding with `text.slice(start, end)`.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type DocumentFormat = "txt" | "md" | "html" | "pdf";

/** A document reduced to its main text: paragraphs separated by one blank line ("\n\n"). */
export interface TextDocument {
  readonly path: string;
  readonly format: DocumentFormat;
  /** The document's title (HTML <title>/<h1>, Markdown first heading, else the first line). */
  readonly title: string | null;
  /** The main text: no markup, scripts, navigation or boilerplate. */
  readonly text: string;
  /** Paragraph spans over `text`, in order. */
  readonly paragraphs: readonly Span[];
}

export interface Sentence extends Span {
  /** Index into TextDocument.paragraphs. */
  readonly paragraph: number;
}

/** A date found in the text: a full date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY). */
export interface FoundDate extends Span {
  readonly value: string;
}

/** A state mentioned (by name, adjective or prefix such as "Sino-"), as a COW state. */
export interface FoundState extends Span {
  readonly ccode: number;
  readonly iso3: string;
  readonly name: string;
  /** The words as written ("Russian", "Sino-", "the United States"). */
  readonly surface: string;
}

/** An organisation mentioned (SCO, NATO, the Eurasian Economic Union, BRI/OBOR, …). */
export interface FoundOrganization extends Span {
  /** Canonical short name: "SCO", "NATO", "EAEU", "BRI", … */
  readonly id: string;
  readonly name: string;
  readonly surface: string;
}

/** An office a person held, with its dates (ISO; `to` null while in office). */
export interface Office {
  /** "head of state" | "head of government" | "foreign minister" | "defence minister" | … */
  readonly kind: string;
  /** Display form: "Foreign Minister of Russia". */
  readonly title: string;
  /** ISO3 of the state. */
  readonly state: string;
  readonly from: string;
  readonly to: string | null;
}

export interface Person {
  /** Stable id: "sergei-lavrov". */
  readonly id: string;
  /** Name as usually written in English: "Sergei Lavrov". */
  readonly name: string;
  /** Other spellings (transliterations, diacritics, surname order): "Sergey Lavrov", "Xi". */
  readonly aliases: readonly string[];
  readonly offices: readonly Office[];
}

/** A person named in the text, resolved (or not) against the list of office holders. */
export interface FoundPerson extends Span {
  readonly surface: string;
  /** Person.id when resolved, else null (a name the list does not know). */
  readonly personId: string | null;
  /** The name to show: the list's name when resolved, else the surface name. */
  readonly name: string;
  /** Office held at the document's date, when known: "Foreign Minister of Russia". */
  readonly role: string | null;
}

/** One attributed quotation. */
export interface Quote extends Span {
  /** The quoted words, without the quotation marks (paragraphs joined by a space). */
  readonly text: string;
  /** Who said it, as resolved; null when no speaker can be found. */
  readonly speaker: FoundPerson | null;
  /** The attribution cue: "said", "according to", "stated that", "colon", "previous sentence", … */
  readonly cue: string;
}

/** A term of the rhetoric lexicon found in a text. */
export interface RhetoricMatch {
  readonly term: string;
  /** Offset in the document text. */
  readonly offset: number;
  readonly kind: "alliance" | "hedge";
  readonly weight: number;
}

export interface Rhetoric {
  /** In [-1, 1]: (alliance − hedging) / (alliance + hedging); 0 with no match (docs/text.md). */
  readonly score: number;
  readonly matches: readonly RhetoricMatch[];
}
