/**
 * Evidence candidates from quotes, and appending them to an ACH case file as unrated evidence.
 *
 * A candidate states who said what, when and where, in neutral words ("Sergei Lavrov (Foreign
 * Minister of Russia) said on 2014-05-20: “…”"), without judging what it means. Appended to a
 * case it gets no ratings (every hypothesis NA) and medium credibility and relevance, with a
 * comment asking the analyst to review them: nothing is scored until a person has rated it.
 * The case file is edited as a YAML document, so its comments and layout survive, and it is
 * validated again before it is written.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { isMap, isSeq, parseDocument } from "yaml";
import { parseCase } from "../assess/case-file.js";
import { BadInputError } from "../core/errors.js";

/** Words of the document with their offset in its main text. */
export interface WordsAt {
  readonly text: string;
  readonly offset: number;
}

export interface Candidate {
  /** The claim in neutral words, quoting the speaker. */
  readonly claim: string;
  readonly speaker: string | null;
  readonly role: string | null;
  /** The words naming the speaker as written ("he", "the Russian foreign minister"). */
  readonly speaker_mention: WordsAt | null;
  /** The attribution cue as written ("said", "according to"). */
  readonly cue: WordsAt | null;
  /** The document's date (YYYY-MM-DD), when found. */
  readonly date: string | null;
  readonly quote: string;
  readonly rhetoric: number;
  readonly source: {
    readonly title: string;
    readonly path: string;
    readonly sha256: string;
    /** Offset of the quote in the document's main text. */
    readonly offset: number;
  };
}

export interface CandidateInput {
  readonly speaker: string | null;
  readonly role: string | null;
  readonly speaker_mention?: WordsAt | null;
  readonly cue?: WordsAt | null;
  readonly text: string;
  readonly offset: number;
  readonly rhetoric: number;
}

export interface SourceDocument {
  readonly path: string;
  readonly sha256: string;
  readonly title: string | null;
  readonly date: string | null;
}

/** The candidate of one quote of a document. */
export function candidate(doc: SourceDocument, q: CandidateInput): Candidate {
  const who = q.speaker ? (q.role ? `${q.speaker} (${q.role})` : q.speaker) : "An unnamed speaker";
  const when = doc.date ? ` on ${doc.date}` : "";
  return {
    claim: `${who} said${when}: “${q.text}”`,
    speaker: q.speaker,
    role: q.role,
    speaker_mention: q.speaker_mention ?? null,
    cue: q.cue ?? null,
    date: doc.date,
    quote: q.text,
    rhetoric: q.rhetoric,
    source: {
      title: doc.title ?? basename(doc.path),
      path: doc.path,
      sha256: doc.sha256,
      offset: q.offset,
    },
  };
}

/** Where the attribution can be checked: the speaker and the cue as written, with offsets. */
function attributionNote(c: Candidate): string {
  const at = (w: WordsAt) => `“${w.text}” at ${w.offset}`;
  const parts = [
    ...(c.speaker_mention ? [`speaker as written ${at(c.speaker_mention)}`] : []),
    ...(c.cue ? [`cue ${at(c.cue)}`] : []),
  ];
  return parts.length ? `\n Attribution: ${parts.join(", ")}.` : "";
}

/** Quote text compared loosely: case, spacing, quotation marks and dashes do not matter. */
export function quoteKey(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[“”„«»"'‘’‚`]/g, "")
    .replace(/[‐-―-]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

export interface AppendResult {
  readonly added: readonly string[];
  /** Candidates left out because the case already holds their quote (or the batch repeats it). */
  readonly skipped: number;
}

/**
 * Append candidates to the case file at `file` as unrated evidence (ids T1, T2, … not yet
 * used). A candidate whose quote is already in some evidence claim of the case is skipped.
 * The file is validated after the edit and replaced atomically.
 */
export async function appendCandidates(
  file: string,
  candidates: readonly Candidate[],
): Promise<AppendResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new BadInputError("no_case", `Cannot read ${file}: ${(e as Error).message}`);
  }
  const r = appendCandidatesToText(text, file, candidates);
  if (r.text === null) return { added: r.added, skipped: r.skipped };
  const tmp = `${file}.entente-tmp`;
  await writeFile(tmp, r.text, "utf8");
  await rename(tmp, file);
  return { added: r.added, skipped: r.skipped };
}

/**
 * The text of a case (`file` names it in errors) with the candidates appended, as
 * appendCandidates does; `text` is null when nothing was added. Writes nothing: the caller
 * saves it (a named case through CaseRepository, with its backup and version check).
 */
export function appendCandidatesToText(
  text: string,
  file: string,
  candidates: readonly Candidate[],
): AppendResult & { text: string | null } {
  const existing = parseCase(text, file); // refuses an invalid case before touching it
  const doc = parseDocument(text);
  const evidence = doc.get("evidence", true);
  if (!isSeq(evidence)) {
    throw new BadInputError("bad_case", `${file}: evidence is not a list`);
  }
  const known = existing.evidence.map((e) => quoteKey(e.claim));
  const ids = new Set(existing.evidence.map((e) => e.id));
  let next = 1;
  const added: string[] = [];
  let skipped = 0;
  for (const c of candidates) {
    const key = quoteKey(c.quote);
    if (key.length === 0 || known.some((k) => k.includes(key))) {
      skipped++;
      continue;
    }
    while (ids.has(`T${next}`)) next++;
    const id = `T${next}`;
    ids.add(id);
    known.push(quoteKey(c.claim));
    const item: Record<string, unknown> = {
      id,
      claim: c.claim,
      kind: "quote",
      ...(c.date ? { date: c.date } : {}),
      source: { title: c.source.title },
      credibility: "M",
      relevance: "M",
      ratings: {},
    };
    const node = doc.createNode(item);
    if (isMap(node)) {
      node.commentBefore = ` Proposed by entente text from ${c.source.path} (sha256 ${c.source.sha256.slice(0, 12)}…, offset ${c.source.offset}); alliance rhetoric ${c.rhetoric.toFixed(2)}.${attributionNote(c)}\n Unrated: review credibility and relevance, then rate it against each hypothesis.`;
    }
    evidence.items.push(node as never);
    added.push(id);
  }
  if (!added.length) return { added, skipped, text: null };
  const out = doc.toString({ lineWidth: 100 });
  parseCase(out, file); // the edited case must still be valid
  return { added, skipped, text: out };
}
