/**
 * Learn the attribution cue list (data/text/cue-verbs.csv) from the Cue spans of PolNeAR's train
 * compartment, and report how many gold cues of train and dev the list covers.
 *
 *   npm run learn:cues            # write data/text/cue-verbs.csv, print coverage
 *   npm run learn:cues -- --check # print coverage of the file as it is, write nothing
 *
 * A cue's head is its first word after auxiliaries and adverbs ("has also said" → said); "according
 * to" is kept whole. Heads seen at least MIN_COUNT times in train are listed when they look like a
 * verb form (-ed, -s, -ing or an irregular verb), so that nouns and function words that
 * annotators marked as part of a cue ("in a statement", "one of") stay out. Rows of the
 * file marked `hand` are forms kept by hand (spellings the train articles do not use); they are
 * kept when the file is written again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { dataPath } from "../../src/core/data-file.js";
import { CUE_FILE, NOUN_FILE, readCueList, readSpeakerNouns } from "../../src/text/cue-verbs.js";
import { type Article, hasPolnear, POLNEAR_DIR, readSplit } from "./polnear.js";

const MIN_COUNT = 3;

/** Auxiliaries and adverbs before a cue's verb. */
const SKIP = new Set(
  `also has have had was were is are be been being will would could should may might must can did
  do does not n't never just then later again once further previously recently reportedly still
  even already quickly publicly repeatedly himself herself privately first initially last
  ultimately apparently simply flatly openly often now long widely so more all`.split(/\s+/),
);
/** Function words that are never a cue's head. */
const NOT_HEAD = new Set(
  `a an the to in for of on at by with from that it s t don didn doesn isn wasn as after amid per
  via this these those his her their its our my your about over into than what which who when
  while if but and or no`.split(/\s+/),
);

/** Verbs whose past or present forms do not end in -ed, -s or -ing. */
const IRREGULAR = new Set(
  `say said tell told write wrote written read think thought speak spoke spoken put go went gone
  come came run ran shoot shot make made give gave given take took taken know knew known see saw
  seen feel felt find found hold held begin began bring brought send sent keep kept mean meant
  hear heard sing sang sung cry cried ask call add note warn argue claim urge vow pledge promise
  believe want hope fear expect suggest agree insist deny admit predict accuse blame praise
  describe explain respond reply announce declare state cite thank joke yell shout chant`.split(
    /\s+/,
  ),
);

/** A verb form: -ed, -s, -ing, an irregular verb, or "according to". */
const verbLike = (head: string): boolean =>
  head === "according to" || IRREGULAR.has(head) || /(?:ed|[^s]s|ing)$/.test(head);

/** The head of a cue's words, or null. */
export function cueHead(words: string): string | null {
  const toks = words.toLowerCase().match(/[a-z]+/g) ?? [];
  const i = toks.findIndex((t) => !SKIP.has(t));
  const head = toks[i];
  if (head === undefined || NOT_HEAD.has(head)) return null;
  if (head === "according" && toks[i + 1] === "to") return "according to";
  return verbLike(head) ? head : null;
}

/** Words that are not a speaker's title or kind: function words, time and quantity words. */
const NOT_NOUN = new Set(
  `the a an of and or nor in for to at from on by with like including as into under against
  over than that this these those his her their its our my your one two some many most other
  both all another each s de new recent latest last major public private national week month
  year day percent number majority lot handful couple average results records tally base
  generation figures ones state country law book page spot speech platform legislation
  wing leadership community establishment was is are were be out alongside supports backs
  represents several fellow former longtime top senior presumptive prominent influential
  vulnerable southern far-right familiar mainstream non-partisan nonpartisan`.split(/\s+/),
);

/**
 * Nouns that name a kind of speaker in train's gold Sources: the head of a Source that opens
 * with a determiner ("the Republican nominee", "a campaign spokesman") and a lower-case word
 * right before a capitalised name ("pollster Dana Whitfield").
 */
export function speakerNouns(articles: readonly Article[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (w: string) => {
    const n = w.toLowerCase();
    if (NOT_NOUN.has(n) || /(?:ed|ing)$/.test(n) || !/^[a-z][a-z-]+$/.test(n)) return;
    out.set(n, (out.get(n) ?? 0) + 1);
  };
  for (const a of articles)
    for (const g of a.gold) {
      if (!g.source) continue;
      const s = g.source
        .map((x) => a.text.slice(x.start, x.end))
        .join(" ")
        .trim();
      for (const m of s.matchAll(/\b([a-z][a-z-]+)\s+(?=[A-Z][a-z])/g)) add(m[1] as string);
      if (/^(?:the|a|an|his|her|their|its|our|one of the|another)\s/i.test(s)) {
        const core = s.split(/\s+(?:of|who|whose|which|that|at|for|from|in|with|on)\s+|,/)[0] ?? "";
        const words = core.match(/[A-Za-z][A-Za-z-]*/g) ?? [];
        const head = words[words.length - 1];
        if (head && /^[a-z]/.test(head)) add(head);
      }
    }
  return out;
}

interface Count {
  all: number;
  direct: number;
}

function headsOf(articles: readonly Article[]): Map<string, Count> {
  const out = new Map<string, Count>();
  for (const a of articles)
    for (const g of a.gold) {
      if (!g.cue) continue;
      const head = cueHead(g.cue.map((s) => a.text.slice(s.start, s.end)).join(" "));
      if (!head) continue;
      const c = out.get(head) ?? { all: 0, direct: 0 };
      c.all++;
      if (g.kind === "direct") c.direct++;
      out.set(head, c);
    }
  return out;
}

/** Share of the gold cues (all, and of direct quotations) whose head is listed. */
export function coverage(articles: readonly Article[], listed: ReadonlySet<string>) {
  let all = 0;
  let hit = 0;
  let direct = 0;
  let directHit = 0;
  for (const a of articles)
    for (const g of a.gold) {
      if (!g.cue) continue;
      const head = cueHead(g.cue.map((s) => a.text.slice(s.start, s.end)).join(" "));
      const ok = head !== null && listed.has(head);
      all++;
      if (ok) hit++;
      if (g.kind === "direct") {
        direct++;
        if (ok) directHit++;
      }
    }
  return { all, hit, direct, directHit };
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
  if (!hasPolnear()) {
    console.error(`PolNeAR not found at ${POLNEAR_DIR}`);
    process.exitCode = 2;
    return;
  }
  const train = readSplit("train");
  if (!values.check) {
    const kept = readCueList().filter((c) => c.source === "hand");
    const learned = [...headsOf(train)]
      .filter(([, c]) => c.all >= MIN_COUNT)
      .sort((a, b) => b[1].all - a[1].all || a[0].localeCompare(b[0]));
    const learnedSet = new Set(learned.map(([h]) => h));
    const rows = [
      "cue,train_cues,train_direct,source",
      ...learned.map(([h, c]) => `${h},${c.all},${c.direct},train`),
      ...kept.filter((k) => !learnedSet.has(k.cue)).map((k) => `${k.cue},0,0,hand`),
    ];
    writeFileSync(dataPath(CUE_FILE), `${rows.join("\n")}\n`);
    console.log(
      `wrote ${dataPath(CUE_FILE)}: ${learned.length} learned cues (${MIN_COUNT}+ in train)`,
    );
    const nouns = [...speakerNouns(train)]
      .filter(([, n]) => n >= MIN_COUNT)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const learnedNouns = new Set(nouns.map(([w]) => w));
    const keptNouns = readSpeakerNouns().filter(
      (n) => n.source === "hand" && !learnedNouns.has(n.noun),
    );
    const nounRows = [
      "noun,train_sources,source",
      ...nouns.map(([w, n]) => `${w},${n},train`),
      ...keptNouns.map((k) => `${k.noun},0,hand`),
    ];
    writeFileSync(dataPath(NOUN_FILE), `${nounRows.join("\n")}\n`);
    console.log(`wrote ${dataPath(NOUN_FILE)}: ${nouns.length} learned speaker nouns`);
  }
  const listed = new Set(readCueList().map((c) => c.cue));
  const direct = new Set(
    readCueList(readFileSync(dataPath(CUE_FILE), "utf8"))
      .filter((c) => c.quotes)
      .map((c) => c.cue),
  );
  for (const [name, articles] of [
    ["train", train],
    ["dev", readSplit("dev")],
  ] as const) {
    const c = coverage(articles, listed);
    const d = coverage(articles, direct);
    console.log(
      `${name}: the list covers ${c.hit}/${c.all} gold cues (${((100 * c.hit) / c.all).toFixed(1)}%) and ${c.directHit}/${c.direct} cues of direct quotations (${((100 * c.directHit) / c.direct).toFixed(1)}%); the quote cues alone cover ${d.directHit}/${d.direct} (${((100 * d.directHit) / d.direct).toFixed(1)}%)`,
    );
  }
}

// Run as a script only (the test imports cueHead).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
