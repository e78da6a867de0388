/**
 * PolNeAR (Newell, Margolin & Ruths, LREC 2018), as laid out in ../shared/corpora/polnear (see its
 * SOURCE.md): `<split>/text/<article>.txt` and brat standoff annotations
 * `<split>/attributions/<article>_<annotator>.ann`. An article annotated by several annotators is
 * read from the first file in name order. Nothing of the corpus is copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type Split = "train" | "dev";

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One annotated attribution; offsets index the article's raw text. */
export interface GoldAttribution {
  /**
   * "direct" when at least half of the Content's letters lie between double quotation marks,
   * "indirect" otherwise (paraphrase; possibly with a partial quote inside).
   */
  readonly kind: "direct" | "indirect";
  readonly content: readonly Span[];
  readonly source: readonly Span[] | null;
  readonly cue: readonly Span[] | null;
}

export interface Article {
  readonly id: string;
  readonly publisher: string;
  readonly text: string;
  readonly gold: readonly GoldAttribution[];
}

/** ../shared/corpora/polnear, next to the repository (the worktree sits beside ../shared). */
export const POLNEAR_DIR = fileURLToPath(
  new URL("../../../shared/corpora/polnear/", import.meta.url),
);

export const hasPolnear = (): boolean => existsSync(join(POLNEAR_DIR, "SOURCE.md"));

interface BratSpan {
  readonly label: string;
  readonly spans: Span[];
}

/** Parse brat standoff: text-bound annotations (T) and events (E, role → annotation id). */
export function parseBrat(ann: string): {
  spans: Map<string, BratSpan>;
  events: Array<Record<string, string>>;
} {
  const spans = new Map<string, BratSpan>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split("\n")) {
    const parts = line.split("\t");
    const id = parts[0] ?? "";
    if (id.startsWith("T") && parts.length >= 2) {
      const head = parts[1] ?? "";
      const sp = head.indexOf(" ");
      const label = head.slice(0, sp);
      const ranges = head
        .slice(sp + 1)
        .split(";")
        .map((r) => {
          const [a, b] = r.trim().split(/\s+/).map(Number);
          return { start: a ?? 0, end: b ?? 0 };
        });
      spans.set(id, { label, spans: ranges });
    } else if (id.startsWith("E") && parts[1]) {
      const roles: Record<string, string> = {};
      for (const kv of parts[1].trim().split(/\s+/)) {
        const [role, ref] = kv.split(":");
        if (role && ref) roles[role] = ref;
      }
      events.push(roles);
    }
  }
  return { spans, events };
}

/**
 * Which characters of `text` lie between double quotation marks, pairing marks within each line:
 * “ opens, ” closes, a straight " toggles. The marks themselves count as quoted.
 */
export function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      inside = false;
      continue;
    }
    if (c === "“") {
      inside = true;
      mask[i] = 1;
    } else if (c === "”") {
      mask[i] = 1;
      inside = false;
    } else if (c === '"') {
      mask[i] = 1;
      inside = !inside;
    } else if (inside) mask[i] = 1;
  }
  return mask;
}

/** The gold attributions of one annotation file over `text`. */
export function goldAttributions(text: string, ann: string): GoldAttribution[] {
  const { spans, events } = parseBrat(ann);
  const mask = quotedMask(text);
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const content = e.Content ? spans.get(e.Content)?.spans : undefined;
    if (!content) continue;
    let letters = 0;
    let quoted = 0;
    for (const s of content)
      for (let i = s.start; i < s.end; i++)
        if (/\p{L}/u.test(text[i] ?? "")) {
          letters++;
          if (mask[i]) quoted++;
        }
    out.push({
      kind: letters > 0 && quoted / letters >= 0.5 ? "direct" : "indirect",
      content,
      source: (e.Source && spans.get(e.Source)?.spans) || null,
      cue: (e.Cue && spans.get(e.Cue)?.spans) || null,
    });
  }
  return out;
}

function publishers(): Map<string, string> {
  const out = new Map<string, string>();
  const lines = readFileSync(join(POLNEAR_DIR, "metadata.tsv"), "utf8").split("\n");
  const head = (lines[0] ?? "").split("\t");
  const file = head.indexOf("filename");
  const pub = head.indexOf("publisher");
  for (const l of lines.slice(1)) {
    const f = l.split("\t");
    if (f[file]) out.set(f[file] as string, f[pub] ?? "?");
  }
  return out;
}

/** Every article of a split with its gold attributions, in name order. */
export function readSplit(split: Split): Article[] {
  const dir = join(POLNEAR_DIR, split);
  const pubs = publishers();
  const anns = readdirSync(join(dir, "attributions"))
    .filter((f) => f.endsWith(".ann"))
    .sort();
  const seen = new Set<string>();
  const out: Article[] = [];
  for (const f of anns) {
    const id = f.replace(/_[0-9a-f]+\.ann$/, "");
    if (seen.has(id)) continue;
    seen.add(id);
    const text = readFileSync(join(dir, "text", `${id}.txt`), "utf8");
    const ann = readFileSync(join(dir, "attributions", f), "utf8");
    out.push({ id, publisher: pubs.get(id) ?? "?", text, gold: goldAttributions(text, ann) });
  }
  return out;
}
