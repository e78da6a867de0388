/**
 * The ACH editor's side panel: each rule's scores and leader (with the figures at load or last
 * save beside any that changed), the sensitivity list, and the check that the browser's numbers
 * agree with the server's assessment. Pure rendering: the view passes what to show.
 */
import type { Assessment } from "../api.js";
import { h, replace } from "../dom.js";
import { type CaseModel, RULES, type RuleName, type Scored } from "./model.js";

export const RULE_INFO: Record<RuleName, { title: string; note: string }> = {
  heuer: { title: "Heuer", note: "Items rated I or II: fewer is more likely." },
  parc: {
    title: "PARC weighted",
    note: "Σ inconsistency × credibility × relevance: nearer 0 is more likely.",
  },
  bayes: { title: "Bayes", note: "Posterior probability: higher is more likely." },
};

export function formatScore(rule: RuleName, v: number): string {
  if (rule === "heuer") return String(v);
  if (rule === "parc") return v.toFixed(2);
  return `${(v * 100).toFixed(1)}%`;
}

/** Where the browser's numbers differ from the server's assessment (empty: they agree). */
export function disagreements(server: Assessment, local: Scored): string[] {
  const out: string[] = [];
  for (const rule of RULES) {
    const theirs = server.rules[rule];
    const mine = local.rules[rule].scores;
    const scores = theirs?.scores ?? theirs?.posterior;
    if (!scores) continue;
    for (const h of local.hyps) {
      if (Math.abs((scores[h] ?? Number.NaN) - (mine[h] ?? Number.NaN)) > 1e-9 || !(h in scores)) {
        out.push(`${rule} ${h}: server ${scores[h]}, browser ${mine[h]}`);
      }
    }
  }
  const key = (s: { rule: string; evidence: string; change: string; new_leader: string }) =>
    `${s.rule}|${s.evidence}|${s.change}|${s.new_leader}`;
  const a = new Set(server.sensitivity.map(key));
  const b = new Set(local.sensitivity.map(key));
  if (a.size !== b.size || [...a].some((k) => !b.has(k))) {
    out.push(`sensitivity: server lists ${a.size} changes, browser ${b.size}`);
  }
  return out;
}

/** One card per rule into `panel`; `baseline` (scores at load or last save) gives the "was" figures. */
export function renderScores(
  panel: HTMLElement,
  model: CaseModel,
  scored: Scored,
  baseline: Scored | null,
): void {
  const labels = new Map(model.hypotheses.map((x) => [x.id, x.label]));
  const cards = RULES.map((rule) => {
    const r = scored.rules[rule];
    const before = baseline?.rules[rule];
    if (!r) return null;
    const values = scored.hyps.map((x) => r.scores[x] ?? 0);
    const scale = rule === "bayes" ? 1 : Math.max(1e-9, ...values.map((v) => Math.abs(v)));
    const leader = r.leader ?? r.ties[0]?.join(" = ") ?? "";
    const beforeLeader = before ? (before.leader ?? before.ties[0]?.join(" = ") ?? "") : leader;
    return h(
      "section",
      { class: `rule rule-${rule}`, "data-rule": rule },
      h("h4", {}, RULE_INFO[rule].title),
      h("p", { class: "note" }, RULE_INFO[rule].note),
      h(
        "p",
        { class: "leader", "data-rule": rule },
        r.leader ? "Leader: " : "Tie for first: ",
        h("strong", {}, leader),
        r.leader ? ` — ${labels.get(r.leader) ?? ""}` : "",
        beforeLeader !== leader ? h("span", { class: "was" }, ` (was ${beforeLeader})`) : "",
      ),
      h(
        "table",
        { class: "rule-table" },
        h(
          "tbody",
          {},
          ...scored.hyps.map((x) => {
            const v = r.scores[x] ?? 0;
            const was = before?.scores[x];
            const bar = h("span", { class: "score-bar" });
            bar.style.width = `${Math.round((Math.abs(v) / scale) * 100)}%`;
            return h(
              "tr",
              { class: r.ranking[0] === x && r.leader ? "lead" : "" },
              h("th", { scope: "row", title: labels.get(x) ?? "" }, x),
              h(
                "td",
                {
                  class: "score",
                  "data-rule": rule,
                  "data-hyp": x,
                  "data-score": String(v),
                },
                formatScore(rule, v),
                was !== undefined && Math.abs(was - v) > 1e-9
                  ? h("span", { class: "was" }, ` (was ${formatScore(rule, was)})`)
                  : "",
              ),
              h("td", { class: "barcell", "aria-hidden": "true" }, bar),
              h("td", { class: "rank" }, `#${r.ranking.indexOf(x) + 1}`),
            );
          }),
        ),
      ),
    );
  });
  replace(panel, ...cards);
}

/** The single changes that would change a rule's leader, into `panel`. */
export function renderSensitivity(panel: HTMLElement, scored: Scored): void {
  const sens = scored.sensitivity;
  replace(
    panel,
    h("h4", {}, "Sensitivity"),
    h(
      "p",
      { class: "note" },
      sens.length
        ? `${sens.length} single change${sens.length === 1 ? "" : "s"} to one item would change a rule's leader:`
        : "No change to a single item (removal, another credibility, a bound test going the other way) changes any rule's leader.",
    ),
    sens.length
      ? h(
          "div",
          { class: "sens-wrap" },
          h(
            "table",
            { class: "sens-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "Rule"),
                h("th", { scope: "col" }, "Evidence"),
                h("th", { scope: "col" }, "Change"),
                h("th", { scope: "col" }, "New leader"),
              ),
            ),
            h(
              "tbody",
              {},
              ...sens.map((c) =>
                h(
                  "tr",
                  {},
                  h("td", {}, RULE_INFO[c.rule].title),
                  h("td", {}, c.evidence),
                  h("td", {}, c.change),
                  h("td", {}, c.new_leader),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
