/**
 * The report's summary: plain sentences generated from indicator values. Every sentence lists
 * the values it was made from (indicator and year), which the report prints in its indicator
 * table, so each number can be checked against the data below it. A sentence names what its
 * number is made of, compares only years measured the same way (the same components of an
 * index), and is left out where the data are null; "none" is said only inside the years a
 * dataset covers, and says which years those are.
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
/** Fixed decimals with a real minus sign; −0.00 is written 0.00. */
const fixed = (v: number, digits = 2): string =>
  v
    .toFixed(digits)
    .replace(/^-(0\.0+)$/, "$1")
    .replace(/^-/, "\u2212");
const signed = (v: number, digits = 2): string =>
  `${v >= 0.5 * 10 ** -digits ? "+" : ""}${fixed(v, digits)}`;
export const tiv = (v: number): string => `${Math.round(v).toLocaleString("en-US")} TIV million`;
const years = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`);

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
  let text = `In ${yearOf(last)}, the latest year of the trade data, ${n.b} accounted for ${pct(a)} of ${n.a}'s trade; ${n.a} for ${pct(b)} of ${n.b}'s.`;
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
      text: `By trade, ${who}: asymmetry ${fixed(asym)} in ${yearOf(last)} (${n.a}'s share ÷ the sum of both shares; 0.5 is symmetric, 1 is entirely one-sided).`,
      cites: [cite(last, "trade_asymmetry")],
    });
  }
  return out;
}

function idealSentences(rows: readonly Row[], n: Names): Sentence[] {
  const s = span(rows, ["un_ideal_a", "un_ideal_b", "un_ideal_distance"]);
  if (!s) return [];
  const { first, last } = s;
  const cites = [
    cite(last, "un_ideal_a"),
    cite(last, "un_ideal_b"),
    cite(last, "un_ideal_distance"),
  ];
  let text = `On UN ideal points (the dynamic model of Bailey, Strezhnev & Voeten 2017; higher is closer to the United States), ${n.a} stood at ${fixed(last.un_ideal_a as number)} and ${n.b} at ${fixed(last.un_ideal_b as number)} in the session opened in ${yearOf(last)}: a distance of ${fixed(last.un_ideal_distance as number)}`;
  const se = num(last.un_ideal_distance_se);
  if (se !== null) {
    text += ` (standard error ${fixed(se)})`;
    cites.push(cite(last, "un_ideal_distance_se"));
  }
  if (yearOf(first) !== yearOf(last)) {
    text += `, against ${fixed(first.un_ideal_distance as number)} in ${yearOf(first)}`;
    cites.push(cite(first, "un_ideal_distance"));
  }
  return [{ topic: "un", text: `${text}.`, cites }];
}

function unSentences(rows: readonly Row[], n: Names): Sentence[] {
  const s = span(rows, ["un_agree"]);
  if (!s) return [];
  const { first, last } = s;
  const cites = [cite(last, "un_agree")];
  let text = `In ${yearOf(last)} ${n.a} and ${n.b} voted the same way on ${pct(last.un_agree as number, 0)} of the UN General Assembly roll calls on which both voted`;
  const joint = num(last.un_joint_votes);
  if (joint !== null) {
    text += ` (${joint} roll calls)`;
    cites.push(cite(last, "un_joint_votes"));
  }
  if (num(last.un_pi) !== null) {
    const lo = num(last.un_pi_lo);
    const hi = num(last.un_pi_hi);
    text += `; corrected for chance agreement, Scott's pi ${fixed(last.un_pi as number)}`;
    cites.push(cite(last, "un_pi"));
    if (lo !== null && hi !== null) {
      text += ` (95% interval ${fixed(lo)} to ${fixed(hi)})`;
      cites.push(cite(last, "un_pi_lo"), cite(last, "un_pi_hi"));
    }
  }
  if (yearOf(first) !== yearOf(last)) {
    text += `; agreement ${direction(first.un_agree as number, last.un_agree as number, (v) => pct(v, 0))} in ${yearOf(first)}`;
    cites.push(cite(first, "un_agree"));
  }
  return [{ topic: "un", text: `${text}.`, cites }];
}

/** The rows of the last five-year arms window with data, and the window's label. */
function armsWindow(rows: readonly Row[]): { last: Row; window: Row[] } | null {
  const have = rows.filter(
    (r) => num(r.arms_tiv_a_to_b) !== null && num(r.arms_tiv_b_to_a) !== null,
  );
  const last = have[have.length - 1];
  if (!last) return null;
  const y = yearOf(last);
  return { last, window: have.filter((r) => yearOf(r) > y - 5) };
}

function armsSentences(rows: readonly Row[], n: Names): Sentence[] {
  const w = armsWindow(rows);
  if (!w) return [];
  const { last, window } = w;
  const from = yearOf(window[0] as Row);
  const to = yearOf(last);
  const ab = window.reduce((s, r) => s + (r.arms_tiv_a_to_b as number), 0);
  const ba = window.reduce((s, r) => s + (r.arms_tiv_b_to_a as number), 0);
  const cites = window.flatMap((r) => [cite(r, "arms_tiv_a_to_b"), cite(r, "arms_tiv_b_to_a")]);
  const when = years(from, to);
  let text: string;
  if (ab === 0 && ba === 0) {
    text = `No arms delivery between ${n.a} and ${n.b} is recorded in ${when} (SIPRI register, major conventional arms).`;
  } else {
    const one = (x: number, s: string, r: string) =>
      x > 0
        ? `${s} delivered arms worth ${tiv(x)} to ${r}`
        : `no delivery from ${s} to ${r} is recorded`;
    text = `In ${when} ${one(ab, n.a, n.b)}; ${one(ba, n.b, n.a)} (SIPRI trend-indicator values, a measure of military capability, not money).`;
  }
  const shareB = num(last.arms_share_b_from_a_5y);
  const shareA = num(last.arms_share_a_from_b_5y);
  if (num(last.arms_dependence_5y) !== null) {
    // Only what was delivered: a share of 0 is already said by "no delivery is recorded".
    const parts: string[] = [];
    const clause = (share: number | null, tivIn: number, s: string, r: string, key: string) => {
      if (share !== null && share > 0) {
        parts.push(`${s} supplied ${pct(share, 0)} of ${r}'s arms imports`);
        cites.push(cite(last, key));
      } else if (share === null && tivIn > 0) {
        parts.push(
          `${r} imported less than 50 TIV million in all, too little to depend on a supplier`,
        );
      }
    };
    clause(shareB, ab, n.a, n.b, "arms_share_b_from_a_5y");
    clause(shareA, ba, n.b, n.a, "arms_share_a_from_b_5y");
    if (parts.length) text += ` Over the five years ${years(to - 4, to)} ${parts.join("; ")}.`;
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
  const have = rows.filter((r) => ATOP.every(([k]) => num(r[k]) !== null));
  const last = have[have.length - 1];
  if (!last) return [];
  const on = ATOP.filter(([k]) => num(last[k]) === 1).map(([, label]) => label);
  const cites = ATOP.map(([k]) => cite(last, k));
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
  const when = years(yearOf(first), yearOf(last));
  if (total === 0) {
    return [
      {
        topic: "exercises",
        text: `No joint military exercise of ${n.a} and ${n.b} is recorded in ${when}, the years of this report that the exercise data cover.`,
        cites: have.map((r) => cite(r, "exercises_joint")),
      },
    ];
  }
  const active = have.filter((r) => (r.exercises_joint as number) > 0);
  const weighted = active.filter((r) => num(r.exercises_weighted) !== null);
  const cites = active.map((r) => cite(r, "exercises_joint"));
  let text = `${n.a} and ${n.b} took part in ${total} joint military exercise${total === 1 ? "" : "s"} in ${when}, the years of this report that the exercise data cover (in ${active.length} of those years)`;
  if (weighted.length === active.length) {
    const w = weighted.reduce((s, r) => s + (r.exercises_weighted as number), 0);
    text += `; weighted by the number of states taking part, ${fixed(w, 1)} bilateral-exercise equivalents`;
    cites.push(...weighted.map((r) => cite(r, "exercises_weighted")));
  }
  return [{ topic: "exercises", text: `${text}.`, cites }];
}

/** "15 minutes", "2 days": how much of a period the loaded event files cover. */
function coveredTime(minutes: number): string {
  if (minutes < 60 * 24) return `${Math.round(minutes).toLocaleString("en-US")} minutes`;
  const days = minutes / (60 * 24);
  return `${Number(days.toFixed(1)).toLocaleString("en-US")} day${days === 1 ? "" : "s"}`;
}

export type EventSource = "gdelt" | "icews";

/**
 * The loaded files an event sentence's count comes from: those holding events dated in its
 * year, named so that a reader can check the count (how much of the year they cover comes from
 * the `*_covered_minutes` column).
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
  const s = span(rows, [`${src}_events`]);
  return s ? yearOf(s.last) : null;
}

const FILES_NAMED = 3;

function filesClause(label: string, f: EventFiles): string {
  const k = f.files.length;
  const names = k <= FILES_NAMED ? f.files.join(", ") : `${f.files[0]} … ${f.files[k - 1]}`;
  return ` The count comes from the ${k === 1 ? "one" : k.toLocaleString("en-US")} loaded ${label} file${k === 1 ? "" : "s"} holding events dated ${f.year} (${names}; ${f.events.toLocaleString("en-US")} event${f.events === 1 ? "" : "s"} of all pairs).`;
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
    const s = span(rows, [`${src}_events`]);
    if (!s) continue;
    const { last } = s;
    const events = last[`${src}_events`] as number;
    const cites = [cite(last, `${src}_events`)];
    let text = `${label} records ${events.toLocaleString("en-US")} event${events === 1 ? "" : "s"} between ${n.a} and ${n.b} in ${yearOf(last)}`;
    const minutes = num(last[`${src}_covered_minutes`]);
    const share = num(last[`${src}_covered_share`]);
    if (minutes !== null && share !== null && share < 0.999) {
      text += `, in the loaded files, which cover ${coveredTime(minutes)} of that year (${pct(share, share < 0.01 ? 3 : 1)})`;
      cites.push(cite(last, `${src}_covered_minutes`));
    }
    const net = num(last[`${src}_net_coop`]);
    if (net !== null) {
      text += `; net cooperation ${fixed(net)} (−1 all conflict, +1 all cooperation)`;
      cites.push(cite(last, `${src}_net_coop`));
    }
    const basis = files[src];
    text += ".";
    if (basis && basis.year === yearOf(last)) text += filesClause(label, basis);
    out.push({ topic: "events", text, cites });
  }
  return out;
}

/** The latest row where `index` is known, and the earliest with the same coverage (components). */
function sameCoverageSpan(rows: readonly Row[], index: string): { first: Row; last: Row } | null {
  const have = rows.filter((r) => num(r[index]) !== null);
  const last = have[have.length - 1];
  if (!last) return null;
  const coverage = last[`${index}_coverage`];
  const first = have.find((r) => r[`${index}_coverage`] === coverage) as Row;
  return { first, last };
}

const ALLIANCE_DATASET: Readonly<Record<string, string>> = {
  atop: "ATOP alliance obligations",
  cow: "COW alliances",
};

function compositeSentences(rows: readonly Row[], n: Names): Sentence[] {
  const out: Sentence[] = [];
  const al = sameCoverageSpan(rows, "alignment_index");
  if (al) {
    const { first, last } = al;
    const parts = String(last.alignment_index_coverage ?? "").split("+");
    const alliance = ALLIANCE_DATASET[parts[1] ?? ""] ?? "alliance obligations";
    const cites = [cite(last, "alignment_index")];
    let text = `Net alignment (cooperation − hostility, −1…+1; from UN voting corrected for chance, ${alliance}, shared IGO memberships and militarized disputes) was ${fixed(last.alignment_index as number)} in ${yearOf(last)}, the latest year with all of them`;
    const lo = num(last.alignment_index_lo);
    const hi = num(last.alignment_index_hi);
    if (lo !== null && hi !== null) {
      text += ` (95% interval ${fixed(lo)} to ${fixed(hi)}, from the UN votes)`;
      cites.push(cite(last, "alignment_index_lo"), cite(last, "alignment_index_hi"));
    }
    if (yearOf(first) !== yearOf(last)) {
      text += `; ${fixed(first.alignment_index as number)} in ${yearOf(first)}`;
      cites.push(cite(first, "alignment_index"));
    }
    out.push({ topic: "composite", text: `${text}.`, cites });
    const coop = num(last.cooperation_index);
    const host = num(last.hostility_index);
    if (coop !== null && host !== null) {
      const c2 = [cite(last, "cooperation_index"), cite(last, "hostility_index")];
      const disputes = rows.filter((r) => yearOf(r) <= yearOf(last) && num(r.mid_ongoing) === 1);
      const recent = disputes.slice(-4).map(yearOf);
      for (const r of disputes.slice(-4)) c2.push(cite(r, "mid_ongoing"));
      const why =
        host === 0
          ? "no militarized dispute in the record"
          : recent.length
            ? `militarized disputes, most recently in ${recent.join(", ")}, weighed by hostility and halved every five years`
            : `militarized disputes before ${yearOf(rows[0] as Row)}, halved every five years`;
      out.push({
        topic: "composite",
        text: `In ${yearOf(last)} cooperation stood at ${fixed(coop)} (0–1: the mean of UN voting, alliance obligations and shared IGOs) and hostility at ${fixed(host)} (0–1: ${why}).`,
        cites: c2,
      });
    }
  }
  const dep = sameCoverageSpan(rows, "dependence_asymmetry");
  if (dep) {
    const { last } = dep;
    const v = last.dependence_asymmetry as number;
    const trade = (last.trade_share_a as number) - (last.trade_share_b as number);
    const arms = num(last.arms_dependence_5y);
    const who =
      v > 0
        ? `${n.a} depends more on ${n.b}`
        : v < 0
          ? `${n.b} depends more on ${n.a}`
          : "the dependence is balanced";
    // A difference that rounds to 0.00 is no dependence either way.
    const side = (x: number) => (x >= 0.005 ? n.a : x <= -0.005 ? n.b : null);
    const tradeWho = side(trade);
    const armsWho = arms === null ? null : side(arms);
    let text = `Dependence asymmetry (the mean of the trade-share difference and the five-year arms-dependence difference, −1…+1) was ${signed(v)} in ${yearOf(last)}, the latest year with both: ${who}.`;
    if (arms !== null) {
      const armsYears = years(yearOf(last) - 4, yearOf(last));
      text += ` By trade ${tradeWho ? `${tradeWho} depends more (${signed(trade)})` : `neither depends measurably more (${signed(trade)})`}; by arms ${armsWho ? `${armsWho} depends more (${signed(arms)} over ${armsYears})` : `neither depends on the other's arms (${signed(arms)} over ${armsYears})`}${tradeWho && armsWho && tradeWho !== armsWho ? ": the two domains point in opposite directions" : ""}.`;
    }
    out.push({
      topic: "composite",
      text,
      cites: [
        cite(last, "dependence_asymmetry"),
        cite(last, "trade_share_a"),
        cite(last, "trade_share_b"),
        ...(arms !== null ? [cite(last, "arms_dependence_5y")] : []),
      ],
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
    ...idealSentences(rows, n),
    ...allianceSentences(rows, n),
    ...exerciseSentences(rows, n),
    ...eventSentences(rows, n, eventFiles),
    ...compositeSentences(rows, n),
  ];
}
