/**
 * Attribution cues ("said", "told", "according to", "adding", …), read from
 * data/text/cue-verbs.csv: learned from the Cue spans of PolNeAR's train compartment by
 * bench/quotes/learn-cues.ts (how many gold cues had each head, and how many of them introduced a
 * direct quotation), plus a few forms kept by hand (source "hand": British spellings and phrases
 * the train articles do not use).
 */
import { cell, dataPath, parseDataFile, type Row, readDataFile } from "../core/data-file.js";

export const CUE_FILE = "text/cue-verbs.csv";

const SPEC = {
  cue: cell.matching("[a-z]+(?: [a-z]+){0,3}", "expected lower-case words"),
  train_cues: cell.int,
  train_direct: cell.int,
  source: cell.oneOf(["train", "hand"]),
} as const;

export interface Cue {
  readonly cue: string;
  readonly trainCues: number;
  readonly trainDirect: number;
  readonly source: "train" | "hand";
  /** Used to attribute quotations: it introduced two direct quotations or more in train, or was kept by hand. */
  readonly quotes: boolean;
}

/** Rows needed to call a learned cue a quotation cue. */
export const MIN_DIRECT = 2;

const toCue = (r: Row<typeof SPEC>): Cue => {
  const trainDirect = Number(r.train_direct);
  return {
    cue: r.cue,
    trainCues: Number(r.train_cues),
    trainDirect,
    source: r.source as Cue["source"],
    quotes: r.source === "hand" || trainDirect >= MIN_DIRECT,
  };
};

/** The cue list as the file holds it now (`text`: its content, to read a copy). */
export function readCueList(text?: string): Cue[] {
  const rows =
    text === undefined
      ? readDataFile(CUE_FILE, SPEC)
      : parseDataFile(dataPath(CUE_FILE), text, SPEC);
  return rows.map((r) => toCue(r.row));
}

let cues: readonly Cue[] | undefined;
let byWords: Map<string, Cue> | undefined;

/**
 * Whether a cue mostly introduces something other than a quotation in train (under 12% of its
 * gold cues are direct quotations: "wanted", "found", "argued"): inside a sentence with another
 * cue before it, it is read as part of what that one reports ("X said Paris wanted …").
 */
export function weakCue(words: string): boolean {
  byWords ??= new Map(cueList().map((c) => [c.cue, c]));
  const c = byWords.get(words.toLowerCase().replace(/\s+/g, " "));
  return c !== undefined && c.source === "train" && c.trainDirect < 0.12 * c.trainCues;
}

/** The cue list, read once. */
export function cueList(): readonly Cue[] {
  cues ??= readCueList();
  return cues;
}

export const NOUN_FILE = "text/speaker-nouns.csv";

const NOUN_SPEC = {
  noun: cell.matching("[a-z][a-z-]+", "expected a lower-case noun"),
  train_sources: cell.int,
  source: cell.oneOf(["train", "hand"]),
} as const;

export interface SpeakerNoun {
  readonly noun: string;
  readonly trainSources: number;
  readonly source: "train" | "hand";
}

/**
 * Nouns that name a kind of speaker ("spokesman", "pollster", "nominee", "campaign"), from
 * data/text/speaker-nouns.csv: learned from the gold Sources of PolNeAR's train compartment,
 * plus titles kept by hand (diplomatic titles the train articles do not use).
 */
export function readSpeakerNouns(): SpeakerNoun[] {
  return readDataFile(NOUN_FILE, NOUN_SPEC).map(({ row }) => ({
    noun: row.noun,
    trainSources: Number(row.train_sources),
    source: row.source as SpeakerNoun["source"],
  }));
}

let nouns: readonly SpeakerNoun[] | undefined;

/** The speaker nouns, read once. */
export function speakerNounList(): readonly SpeakerNoun[] {
  nouns ??= readSpeakerNouns();
  return nouns;
}
