/**
 * The report's summary: plain sentences generated from indicator values. Every sentence lists
 * the values it was made from (indicator and year), which the report prints in its indicator
 * table, so each number can be checked against the data below it.
 */

export type Row = Readonly<Record<string, number | string | null>>;

export interface Cite {
  readonly indicator: string;
  readonly year: number;
  readonly value: number;
}

export interface Sentence {
  readonly topic: string;
  readonly text: string;
  readonly cites: readonly Cite[];
}

export interface Names {
  readonly a: string;
  readonly b: string;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Latest and earliest rows (by year) where every listed indicator has a value. */
function span(rows: readonly Row[], names: readonly string[]): { first: Row; last: Row } | null {
  const have = rows.filter((r) => names.every((n) => num(r[n]) !== null));
  const first = have[0];
  const last = have[have.length - 1];
  return first && last ? { first, last } : null;
}

const yearOf = (r: Row): number => r.year as number;
const cite = (r: Row, indicator: string): Cite => ({
  indicator,
  year: yearOf(r),
  value: r[indicator] as number,
});
export const pct = (v: number, digits = 1): string => `${(v * 100).toFixed(digits)}%`;
const fixed = (v: number, digits = 2): string => v.toFixed(digits);
export const tiv = (v: number): string => `${Math.round(v).toLocaleString("en-US")} TIV million`;

function direction(from: number, to: number, unit: (v: number) => string): string {
  if (Math.abs(to - from) < 1e-9) return `unchanged from ${unit(from)}`;
  return `${to > from ? "up" : "down"} from ${unit(from)}`;
}

function tradeSentences(rows: readonly Row[], n: Names): Sentence[] {
  const s = span(rows, ["trade_share_a", "trade_share_b"]);
  if (!s) return [];
  const { first, last } = s;
  const a = last.trade_share_a as number;
  const b = last.trade_share_b as number;
  let text = `In ${yearOf(last)} ${n.b} accounted for ${pct(a)} of ${n.a}'s trade; ${n.a} for ${pct(b)} of ${n.b}'s.`;
  const cites = [cite(last, "trade_share_a"), cite(last, "trade_share_b")];
  if (yearOf(first) !== yearOf(last)) {
    text += ` In ${yearOf(first)} the shares were ${pct(first.trade_share_a as number)} and ${pct(first.trade_share_b as number)}.`;
    cites.push(cite(first, "trade_share_a"), cite(first, "trade_share_b"));
  }
  const out: Sentence[] = [{ topic: "trade", text, cites }];
  const asym = num(last.trade_asymmetry);
  if (asym !== null) {
    const who =
      asym > 0.5
        ? `${n.a} depends more on ${n.b}`
        : asym < 0.5
          ? `${n.b} depends more on ${n.a}`
          : "neither depends more on the other";
    out.push({
      topic: "trade",
      text: `By trade, ${who}: asymmetry ${fixed(asym)} in ${yearOf(last)} (0.5 is symmetric, 1 is entirely one-sided).`,
      cites: [cite(last, "trade_asymmetry")],
    });
  }
  return out;
}

function unSentences(rows: readonly Row[], n: Names): Sentence[] {
  const s = span(rows, ["un_agree"]);
  if (!s) return [];
  const { first, last } = s;
  const cites = [cite(last, "un_agree")];
  let text = `In ${yearOf(last)} ${n.a} and ${n.b} voted the same way on ${pct(last.un_agree as number, 0)} of UN General Assembly roll calls`;
  if (num(last.un_kappa) !== null) {
    text += ` (Cohen's kappa ${fixed(last.un_kappa as number)})`;
    cites.push(cite(last, "un_kappa"));
  }
  if (yearOf(first) !== yearOf(last)) {
    text += `, ${direction(first.un_agree as number, last.un_agree as number, (v) => pct(v, 0))} in ${yearOf(first)}`;
    cites.push(cite(first, "un_agree"));
  }
  return [{ topic: "un", text: `${text}.`, cites }];
}

function armsSentences(rows: readonly Row[], n: Names): Sentence[] {
  const have = rows.filter(
    (r) => num(r.arms_tiv_a_to_b) !== null && num(r.arms_tiv_b_to_a) !== null,
  );
  const first = have[0];
  const last = have[have.length - 1];
  if (!first || !last) return [];
  // The last five years with data (or fewer).
  const recent = have.slice(-5);
  const from = yearOf(recent[0] as Row);
  const ab = recent.reduce((s, r) => s + (r.arms_tiv_a_to_b as number), 0);
  const ba = recent.reduce((s, r) => s + (r.arms_tiv_b_to_a as number), 0);
  const cites = recent.flatMap((r) => [cite(r, "arms_tiv_a_to_b"), cite(r, "arms_tiv_b_to_a")]);
  let text = `From ${from} to ${yearOf(last)} ${n.a} delivered arms worth ${tiv(ab)} to ${n.b}; ${n.b} delivered ${ba > 0 ? tiv(ba) : "none"} to ${n.a}.`;
  const share = num(last.arms_share_b_from_a);
  if (share !== null && ab > 0) {
    text += ` In ${yearOf(last)} ${n.a} supplied ${pct(share, 0)} of ${n.b}'s arms imports.`;
    cites.push(cite(last, "arms_share_b_from_a"));
  }
  return [{ topic: "arms", text, cites }];
}

const ATOP = [
  ["atop_defense", "defence"],
  ["atop_offense", "offence"],
  ["atop_neutral", "neutrality"],
  ["atop_nonagg", "non-aggression"],
  ["atop_consul", "consultation"],
] as const;

function allianceSentences(rows: readonly Row[], n: Names): Sentence[] {
  const have = rows.filter((r) => ATOP.some(([k]) => num(r[k]) !== null));
  const last = have[have.length - 1];
  if (!last) return [];
  const on = ATOP.filter(([k]) => num(last[k]) === 1).map(([, label]) => label);
  const cites = ATOP.filter(([k]) => num(last[k]) !== null).map(([k]) => cite(last, k));
  const list = on.length > 1 ? `${on.slice(0, -1).join(", ")} and ${on[on.length - 1]}` : on[0];
  const text = on.length
    ? `In ${yearOf(last)}, the latest year of the ATOP data, ${n.a} and ${n.b} were bound by ${list} obligations.`
    : `In ${yearOf(last)}, the latest year of the ATOP data, no alliance obligation bound ${n.a} and ${n.b}: no defence, offence, neutrality, non-aggression or consultation pact.`;
  return [{ topic: "alliances", text, cites }];
}

function exerciseSentences(rows: readonly Row[], n: Names): Sentence[] {
  const have = rows.filter((r) => num(r.exercises_joint) !== null);
  const first = have[0];
  const last = have[have.length - 1];
  if (!first || !last) return [];
  const total = have.reduce((s, r) => s + (r.exercises_joint as number), 0);
  const years = have.filter((r) => (r.exercises_joint as number) > 0).length;
  return [
    {
      topic: "exercises",
      text: `${n.a} and ${n.b} took part in ${total} joint military exercise${total === 1 ? "" : "s"} between ${yearOf(first)} and ${yearOf(last)} (in ${years} of those years), the span the exercise data cover.`,
      cites: have.map((r) => cite(r, "exercises_joint")),
    },
  ];
}

export type EventSource = "gdelt" | "icews";

/**
 * The loaded files an event sentence's count comes from: those holding events dated in its
 * year. The store does not record which part of a year an event file covers (a GDELT 2.0 export
 * is 15 minutes of news), so the sentence names the files instead of claiming the year.
 */
export interface EventFiles {
  readonly year: number;
  /** File names (without folders), in name order. */
  readonly files: readonly string[];
  /** Events of all pairs dated in the year in those files. */
  readonly events: number;
}

/** The year an event sentence speaks of: the last with events and net cooperation. */
export function eventSentenceYear(rows: readonly Row[], src: EventSource): number | null {
  const s = span(rows, [`${src}_events`, `${src}_net_coop`]);
  return s ? yearOf(s.last) : null;
}

const FILES_NAMED = 3;

function filesClause(label: string, f: EventFiles): string {
  const k = f.files.length;
  const names = k <= FILES_NAMED ? f.files.join(", ") : `${f.files[0]} … ${f.files[k - 1]}`;
  return ` The count comes from the ${k === 1 ? "one" : k.toLocaleString("en-US")} loaded ${label} file${k === 1 ? "" : "s"} holding events dated ${f.year} (${names}; ${f.events.toLocaleString("en-US")} event${f.events === 1 ? "" : "s"} of all pairs); how much of ${f.year} ${k === 1 ? "it covers" : "they cover"} is not recorded.`;
}

function eventSentences(
  rows: readonly Row[],
  n: Names,
  files: Partial<Record<EventSource, EventFiles>>,
): Sentence[] {
  const out: Sentence[] = [];
  for (const [src, label] of [
    ["gdelt", "GDELT"],
    ["icews", "ICEWS"],
  ] as const) {
    const s = span(rows, [`${src}_events`, `${src}_net_coop`]);
    if (!s) continue;
    const { last } = s;
    const events = last[`${src}_events`] as number;
    const net = last[`${src}_net_coop`] as number;
    const basis = files[src];
    out.push({
      topic: "events",
      text: `${label} records ${events.toLocaleString("en-US")} event${events === 1 ? "" : "s"} between ${n.a} and ${n.b} in ${yearOf(last)}, with net cooperation ${fixed(net)} (−1 all conflict, +1 all cooperation).${basis && basis.year === yearOf(last) ? filesClause(label, basis) : ""}`,
      cites: [cite(last, `${src}_events`), cite(last, `${src}_net_coop`)],
    });
  }
  return out;
}

function compositeSentences(rows: readonly Row[], n: Names): Sentence[] {
  const out: Sentence[] = [];
  const al = span(rows, ["alignment_index"]);
  if (al) {
    out.push({
      topic: "composite",
      text: `The alignment index (0–1) stood at ${fixed(al.last.alignment_index as number)} in ${yearOf(al.last)}${yearOf(al.first) !== yearOf(al.last) ? `, ${direction(al.first.alignment_index as number, al.last.alignment_index as number, (v) => fixed(v))} in ${yearOf(al.first)}` : ""}.`,
      cites: [
        cite(al.last, "alignment_index"),
        ...(yearOf(al.first) !== yearOf(al.last) ? [cite(al.first, "alignment_index")] : []),
      ],
    });
  }
  const dep = span(rows, ["dependence_asymmetry"]);
  if (dep) {
    const v = dep.last.dependence_asymmetry as number;
    const who =
      v > 0
        ? `${n.a} depends more on ${n.b}`
        : v < 0
          ? `${n.b} depends more on ${n.a}`
          : "the dependence is balanced";
    out.push({
      topic: "composite",
      text: `Across domains, ${who}: dependence asymmetry ${fixed(v)} in ${yearOf(dep.last)} (−1…+1; above 0, ${n.a} depends more).`,
      cites: [cite(dep.last, "dependence_asymmetry")],
    });
  }
  return out;
}

/**
 * The summary sentences, in reading order, from the dyad's yearly rows; `eventFiles` names the
 * files behind each event sentence's count (report/model.ts reads them from the store).
 */
export function summarize(
  rows: readonly Row[],
  n: Names,
  eventFiles: Partial<Record<EventSource, EventFiles>> = {},
): Sentence[] {
  return [
    ...tradeSentences(rows, n),
    ...armsSentences(rows, n),
    ...unSentences(rows, n),
    ...allianceSentences(rows, n),
    ...exerciseSentences(rows, n),
    ...eventSentences(rows, n, eventFiles),
    ...compositeSentences(rows, n),
  ];
}
