/**
 * Quote attribution measured on PolNeAR (../shared/corpora/polnear): runs the `entente text`
 * pipeline on every article of a split and scores its direct quotations and indirect
 * attributions against the annotators' (bench/quotes/score.ts says how), per publisher.
 *
 *   npm run eval:quotes                 # dev: the figures reported in docs/text.md
 *   npm run eval:quotes -- --split train --show missed,spurious,speaker   # for tuning rules
 *   npm run eval:quotes -- --json
 *
 * Rules are tuned on train only; dev is for reporting, so `--show` (which prints corpus text to
 * the terminal, never to a file of the repository) refuses dev.
 */
import { parseArgs } from "node:util";
import { analyzeDocument } from "../../src/text/analyze.js";
import { documentFromString } from "../../src/text/read.js";
import {
  type Article,
  hasPolnear,
  POLNEAR_DIR,
  readSplit,
  type Span,
  type Split,
} from "./polnear.js";
import {
  type ArticleScore,
  addTally,
  emptyTally,
  type Found,
  scoreArticle,
  type Tally,
} from "./score.js";

const SPACE = /[\s\u200B]/;

/** For each non-space unit of `norm`, the index of the same unit in `raw` (whitespace differs). */
function alignment(raw: string, norm: string): Int32Array {
  const map = new Int32Array(norm.length + 1).fill(-1);
  let r = 0;
  for (let i = 0; i < norm.length; i++) {
    if (SPACE.test(norm[i] ?? "")) continue;
    while (r < raw.length && SPACE.test(raw[r] ?? "")) r++;
    if (raw[r] === norm[i]) {
      map[i] = r++;
      continue;
    }
    // The reader composes characters (NFC): a letter and its combining mark become one.
    const k = [2, 3].find((n) => raw.slice(r, r + n).normalize("NFC") === norm[i]);
    if (k === undefined) throw new Error(`text differs at ${i}: ${norm.slice(i, i + 20)}`);
    map[i] = r;
    r += k;
  }
  return map;
}

/** A span of the normalised text as a span of the raw text. */
function rawSpan(map: Int32Array, start: number, end: number): Span | null {
  let s = start;
  while (s < end && map[s] === -1) s++;
  let e = end - 1;
  while (e > s && map[e] === -1) e--;
  if (s >= end || map[s] === -1 || map[e] === -1) return null;
  return { start: map[s] as number, end: (map[e] as number) + 1 };
}

/** Where a quote whose collapsed words are `words` ends, reading the raw text from `from`. */
function quoteEnd(raw: string, from: number, words: string): number {
  let r = from;
  for (const ch of words) {
    if (SPACE.test(ch)) continue;
    while (
      r < raw.length &&
      raw[r] !== ch &&
      (SPACE.test(raw[r] ?? "") || /["“”«»]/.test(raw[r] ?? ""))
    )
      r++;
    if (raw[r] !== ch) break;
    r++;
  }
  return r;
}

function foundIn(article: Article): Found[] {
  const doc = documentFromString(article.text, "txt", article.id);
  const { analysis } = analyzeDocument(doc, "0".repeat(64));
  const map = alignment(article.text, doc.text);
  const at = (w: { text: string; offset: number } | null) =>
    w ? rawSpan(map, w.offset, w.offset + w.text.length) : null;
  const out: Found[] = [];
  for (const q of analysis.quotes) {
    const start = rawSpan(map, q.offset, q.offset + 1)?.start;
    if (start === undefined) continue;
    out.push({
      kind: "direct",
      content: { start, end: quoteEnd(article.text, start, q.text) },
      mention: at(q.speaker_mention),
      speaker: q.speaker,
      cue: at(q.cue),
    });
  }
  for (const a of analysis.indirect ?? []) {
    const content = rawSpan(map, a.offset, a.offset + a.text.length);
    if (!content) continue;
    out.push({
      kind: "indirect",
      content,
      mention: at(a.speaker_mention),
      speaker: a.speaker,
      cue: at(a.cue),
    });
  }
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? "—" : (n / d).toFixed(3));

interface Row {
  readonly publisher: string;
  readonly articles: number;
  readonly direct: Tally;
  readonly indirect: Tally;
}

function rates(t: Tally) {
  return {
    gold: t.gold,
    found: t.found,
    precision: t.found ? t.correct / t.found : null,
    recall: t.gold ? t.recalled / t.gold : null,
    speaker: t.correct ? t.speakerRight / t.correct : null,
    speakerResolved: t.correct ? t.resolvedRight / t.correct : null,
    cue: t.correct ? t.cueRight / t.correct : null,
  };
}

function table(rows: readonly Row[]): string {
  const head =
    "| publisher | articles | direct: gold | found | precision | recall | speaker | speaker (resolved) | cue | indirect: gold | found | precision | recall | speaker |";
  const sep = `|${head
    .split("|")
    .slice(1, -1)
    .map(() => " --- ")
    .join("|")}|`;
  const line = (r: Row) => {
    const d = r.direct;
    const i = r.indirect;
    return `| ${r.publisher} | ${r.articles} | ${d.gold} | ${d.found} | ${pct(d.correct, d.found)} | ${pct(d.recalled, d.gold)} | ${pct(d.speakerRight, d.correct)} | ${pct(d.resolvedRight, d.correct)} | ${pct(d.cueRight, d.correct)} | ${i.gold} | ${i.found} | ${pct(i.correct, i.found)} | ${pct(i.recalled, i.gold)} | ${pct(i.speakerRight, i.correct)} |`;
  };
  return [head, sep, ...rows.map(line)].join("\n");
}

function show(article: Article, s: ArticleScore, what: ReadonlySet<string>): void {
  const t = article.text;
  const snip = (sp: Span, n = 90) =>
    JSON.stringify(t.slice(sp.start, Math.min(sp.end, sp.start + n)));
  const ctx = (sp: Span) =>
    JSON.stringify(t.slice(Math.max(0, sp.start - 100), Math.min(t.length, sp.end + 60)));
  if (what.has("missed"))
    for (const g of s.missed) {
      const c = g.content[0] as Span;
      console.log(`MISSED  ${article.id}@${c.start} ${ctx(c)}`);
    }
  if (what.has("spurious"))
    for (const f of s.spurious)
      console.log(`SPURIOUS ${article.id}@${f.content.start} ${f.kind} ${snip(f.content)}`);
  if (what.has("speaker"))
    for (const { found, gold } of s.wrongSpeaker) {
      const src = gold.source
        ? gold.source.map((x) => t.slice(x.start, x.end)).join(" ")
        : "(none)";
      const mine = found.mention ? t.slice(found.mention.start, found.mention.end) : "(none)";
      console.log(
        `SPEAKER ${article.id}@${found.content.start} ${found.kind} gold=${JSON.stringify(src)} found=${JSON.stringify(mine)}→${JSON.stringify(found.speaker)} ${ctx(found.content)}`,
      );
    }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      split: { type: "string", default: "dev" },
      json: { type: "boolean", default: false },
      show: { type: "string" },
    },
  });
  if (!hasPolnear()) {
    console.error(`PolNeAR not found at ${POLNEAR_DIR}: nothing to evaluate`);
    process.exitCode = 2;
    return;
  }
  const split = values.split as Split;
  if (split !== "train" && split !== "dev") throw new Error(`--split must be train or dev`);
  const what = new Set((values.show ?? "").split(",").filter(Boolean));
  if (what.size && split === "dev")
    throw new Error("--show is for tuning on train; dev is for reporting");
  const started = performance.now();
  const articles = readSplit(split);
  const byPub = new Map<string, Row>();
  let done = 0;
  for (const a of articles) {
    const s = scoreArticle(a, foundIn(a));
    if (what.size) show(a, s, what);
    const r = byPub.get(a.publisher) ?? {
      publisher: a.publisher,
      articles: 0,
      direct: emptyTally(),
      indirect: emptyTally(),
    };
    byPub.set(a.publisher, {
      publisher: a.publisher,
      articles: r.articles + 1,
      direct: addTally(r.direct, s.direct),
      indirect: addTally(r.indirect, s.indirect),
    });
    done++;
    if (process.stderr.isTTY && !values.json)
      process.stderr.write(`\r${done}/${articles.length} articles`);
  }
  if (process.stderr.isTTY && !values.json) process.stderr.write("\r");
  const rows = [...byPub.values()].sort((a, b) => a.publisher.localeCompare(b.publisher));
  const total: Row = rows.reduce(
    (t, r) => ({
      publisher: "all",
      articles: t.articles + r.articles,
      direct: addTally(t.direct, r.direct),
      indirect: addTally(t.indirect, r.indirect),
    }),
    { publisher: "all", articles: 0, direct: emptyTally(), indirect: emptyTally() },
  );
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    const out = [...rows, total].map((r) => ({
      publisher: r.publisher,
      articles: r.articles,
      direct: rates(r.direct),
      indirect: rates(r.indirect),
    }));
    console.log(JSON.stringify({ split, seconds, rows: out }, null, 2));
    return;
  }
  console.log(`PolNeAR ${split}: ${total.articles} articles in ${seconds.toFixed(1)} s\n`);
  console.log(table([...rows, total]));
}

await main();
