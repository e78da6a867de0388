/**
 * Alliance rhetoric: how strongly a text speaks the language of alliance, from a documented
 * lexicon (docs/text.md lists every term, its weight and the reasoning). Each match is reported
 * with its offset so a reader can check it; the score is a plain ratio of weights:
 *
 *   score = (A − H) / (A + H),   A = Σ weights of alliance terms,  H = Σ weights of hedges,
 *
 * in [−1, 1], 0 when nothing matches. Matching is case-insensitive, on whole words, with
 * British and American spellings and hyphen/space variants; where terms overlap the longest
 * wins ("not a military alliance" is one hedge, not the alliance term "military alliance"
 * inside it).
 */
import type { Rhetoric, RhetoricMatch, Span } from "./types.js";

export interface LexiconTerm {
  /** The term as listed (docs/text.md). */
  readonly term: string;
  readonly kind: "alliance" | "hedge";
  readonly weight: number;
  /** Regular-expression source of the variants (case-insensitive, whole words). */
  readonly pattern: string;
}

const t = (
  kind: LexiconTerm["kind"],
  weight: number,
  term: string,
  pattern = term.replaceAll(" ", "\\s+"),
): LexiconTerm => ({ term, kind, weight, pattern });

const DEFEN = "defen[cs]e";
const COOP = "co-?operation";
const HY = "[-\\s]?"; // "non-aligned", "non aligned", "nonaligned"

/** The lexicon. Weights: 2 = a commitment or its explicit denial; 1 = the usual vocabulary. */
export const LEXICON: readonly LexiconTerm[] = [
  // Alliance language.
  t("alliance", 2, "military alliance"),
  t("alliance", 2, "mutual defence", `mutual\\s+${DEFEN}`),
  t("alliance", 2, "collective defence", `collective\\s+${DEFEN}`),
  t("alliance", 2, "no limits", "no[-\\s]+limits|without\\s+limits"),
  t("alliance", 2, "no forbidden zones", "no\\s+forbidden\\s+(?:zones|areas)"),
  t("alliance", 1, "alliance", "alliances?"),
  t("alliance", 1, "allies", "allies|ally|allied"),
  t("alliance", 1, "strategic partnership", "strategic\\s+partners(?:hip)?"),
  t(
    "alliance",
    1.5,
    "comprehensive strategic partnership",
    `comprehensive\\s+strategic\\s+partnership(?:\\s+of\\s+(?:coordination|${COOP}|interaction))?`,
  ),
  t(
    "alliance",
    1.5,
    "comprehensive partnership and strategic interaction",
    `comprehensive\\s+partnership\\s+and\\s+strategic\\s+(?:interaction|${COOP}|collaboration|coordination)`,
  ),
  t(
    "alliance",
    1,
    "joint exercises",
    "joint\\s+(?:military\\s+|naval\\s+)?(?:exercises?|drills?|manoeuvres|maneuvers)",
  ),
  t("alliance", 1, "joint patrols", "joint\\s+(?:air\\s+|naval\\s+|bomber\\s+)?patrols?"),
  t("alliance", 1, "military cooperation", `military(?:-technical)?\\s+${COOP}`),
  t("alliance", 1, "collective security"),
  t(
    "alliance",
    1,
    "shoulder to shoulder",
    "shoulder[-\\s]+to[-\\s]+shoulder|back[-\\s]+to[-\\s]+back",
  ),
  // Hedging.
  t(
    "hedge",
    2,
    "not an alliance",
    "not\\s+(?:an?|any)\\s+(?:military\\s+)?alliance|no\\s+(?:military\\s+)?alliance|non-?alliance",
  ),
  t(
    "hedge",
    2,
    "not directed against third countries",
    "not\\s+(?:directed|aimed|targeted)\\s+(?:against|at)\\s+(?:any\\s+)?third\\s+(?:countries|country|parties|party)|(?:does|do|will)\\s+not\\s+target\\s+(?:any\\s+)?third\\s+(?:countries|country|parties|party)",
  ),
  t(
    "hedge",
    2,
    "not form alliances",
    "(?:not|never)\\s+(?:form|forming|enter|entering|seek|seeking)\\s+(?:military\\s+)?alliances?",
  ),
  t("hedge", 1.5, "non-aligned", `non${HY}align(?:ed|ment)`),
  t("hedge", 1, "strategic autonomy"),
  t("hedge", 1, "independent foreign policy"),
  t("hedge", 1, "neutrality", "neutral(?:ity)?"),
  t("hedge", 1, "non-confrontation", `non${HY}confrontation(?:al)?`),
  t("hedge", 1, "multi-vector", `multi${HY}vector`),
  t("hedge", 0.5, "sovereignty", "sovereignty"),
];

interface Compiled {
  readonly term: LexiconTerm;
  readonly re: RegExp;
}

const COMPILED: readonly Compiled[] = LEXICON.map((term) => ({
  term,
  // Whole words: no letter or digit just before or after (Unicode-aware).
  re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${term.pattern})(?![\\p{L}\\p{N}])`, "giu"),
}));

/** A hedge that works by negation ("not an alliance", "never form alliances", "no alliance"). */
const NEGATION = /^(?:not|never|no|does|do|will)\s/i;
/** Words before a negation that turn it into a concession ("if not an alliance", "if not formally"). */
const CANCELS_NEGATION = /(?<![\p{L}])(?:if|or even|perhaps even)\s+$/iu;

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly term: LexiconTerm;
}

/** Every lexicon match in `text` (offsets plus `base`), overlaps resolved longest-first. */
export function rhetoricMatches(text: string, base = 0): RhetoricMatch[] {
  const hits: Hit[] = [];
  for (const { term, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // Negation scope: "close to, if not an alliance" raises the stakes rather than denying
      // them, so the words inside it count as they are.
      if (
        NEGATION.test(m[0]) &&
        CANCELS_NEGATION.test(text.slice(Math.max(0, m.index - 12), m.index))
      )
        continue;
      hits.push({ start: m.index, end: m.index + m[0].length, term });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  // Longest first (then earliest; then hedges, which deny what they contain); keep those that
  // overlap nothing already kept.
  hits.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      (a.term.kind === "hedge" ? -1 : 1) - (b.term.kind === "hedge" ? -1 : 1),
  );
  const kept: Hit[] = [];
  for (const h of hits) {
    if (kept.every((k) => h.end <= k.start || h.start >= k.end)) kept.push(h);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((h) => ({
    term: h.term.term,
    offset: base + h.start,
    kind: h.term.kind,
    weight: h.term.weight,
  }));
}

/** Score of a set of matches: (A − H) / (A + H), 0 without matches. */
export function rhetoricScore(matches: readonly RhetoricMatch[]): number {
  let a = 0;
  let h = 0;
  for (const m of matches) {
    if (m.kind === "alliance") a += m.weight;
    else h += m.weight;
  }
  return a + h === 0 ? 0 : (a - h) / (a + h);
}

/** The rhetoric of a whole text, or of the span of it (offsets stay document offsets). */
export function rhetoric(text: string, span?: Span): Rhetoric {
  const matches = span
    ? rhetoricMatches(text.slice(span.start, span.end), span.start)
    : rhetoricMatches(text);
  return { score: rhetoricScore(matches), matches };
}
