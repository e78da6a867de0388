import type { Command } from "commander";
import { type AssessResult, assess, ruleLeader } from "../../assess/assess.js";
import { CaseError, loadCase } from "../../assess/case-file.js";
import { resolveCasePath } from "../../assess/case-location.js";
import { formatScore, RULES, type RuleName } from "../../assess/scoring.js";
import { BadInputError } from "../../core/errors.js";
import { openStore, storeLocation, storeMayExist } from "../../store/open.js";
import { writeJson } from "../output.js";
import type { GlobalOptions } from "../store-option.js";

const RULE_TEXT: Record<RuleName, { name: string; better: string }> = {
  heuer: { name: "Heuer", better: "inconsistencies, fewer = more likely" },
  parc: { name: "PARC", better: "weighted inconsistency, nearer 0 = more likely" },
  bayes: { name: "Bayes", better: "posterior probability" },
};

function parseRules(v: string | undefined): RuleName[] {
  const s = v ?? "all";
  if (s === "all") return [...RULES];
  const list = s.split(",").map((x) => x.trim());
  for (const r of list) {
    if (!(RULES as readonly string[]).includes(r)) {
      throw new BadInputError("bad_rule", `Unknown rule "${r}"`, {
        hint: `Use --rule ${RULES.join(", ")} or all`,
      });
    }
  }
  return list as RuleName[];
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The matrix: hypotheses as columns, evidence by diagnosticity, scores and conclusions below. */
export function renderAssessment(r: AssessResult, width: number): string {
  const hyps = r.hypotheses.map((h) => h.id);
  const rows = [...r.evidence].sort(
    (a, b) => b.diagnosticity - a.diagnosticity || r.evidence.indexOf(a) - r.evidence.indexOf(b),
  );
  const idW = Math.max(8, ...rows.map((e) => e.id.length));
  const scoreText = RULES.flatMap((rule) => {
    const o = r.rules[rule];
    const scores = (o?.scores ?? o?.posterior ?? {}) as Record<string, number>;
    return Object.values(scores).map((v) => formatScore(rule, v));
  });
  const hypW = Math.max(4, ...hyps.map((h) => h.length + 1), ...scoreText.map((t) => t.length + 2));
  const fixed = idW + 2 + 9 + hyps.length * hypW + 6;
  const claimW = Math.max(24, Math.min(70, width - fixed));
  const out: string[] = [];
  out.push(r.case.title, r.case.question, "");
  for (const h of r.hypotheses)
    out.push(`  ${h.id.padEnd(hypW)}${h.label} (prior ${h.prior.toFixed(2)})`);
  out.push("");
  const head = `${"evidence".padEnd(idW)}  ${"claim".padEnd(claimW)}  cr re ${hyps.map((h) => h.padStart(hypW)).join("")}  diag`;
  out.push(head, "─".repeat(Math.min(head.length, width)));
  for (const e of rows) {
    const cells = hyps.map((h) => (e.ratings[h] ?? "NA").padStart(hypW)).join("");
    out.push(
      `${e.id.padEnd(idW)}  ${clip(e.claim, claimW).padEnd(claimW)}  ${e.credibility}  ${e.relevance}  ${cells}  ${e.diagnosticity.toFixed(2)}`,
    );
    if (e.binding) {
      const tag =
        e.binding.applied === "none"
          ? "inapplicable, not scored"
          : e.binding.applied === "ratings"
            ? "ratings apply"
            : "ratings_if_false apply";
      out.push(`${"".padEnd(idW)}  ↳ data: ${e.binding.detail} (${tag})`);
    }
  }
  out.push("─".repeat(Math.min(head.length, width)));
  for (const rule of RULES) {
    const o = r.rules[rule];
    if (!o) continue;
    const scores = (o.scores ?? o.posterior) as Record<string, number>;
    const label = `${RULE_TEXT[rule].name} (${RULE_TEXT[rule].better})`;
    const w = idW + claimW + 10;
    out.push(
      `${clip(label, w - 1).padEnd(w)}${hyps.map((h) => formatScore(rule, scores[h] as number).padStart(hypW)).join("")}`,
    );
  }
  out.push("");
  const leaders = new Set<string>();
  for (const rule of RULES) {
    const o = r.rules[rule];
    if (!o) continue;
    const lead = ruleLeader(o);
    leaders.add(lead);
    const label = (id: string) => r.hypotheses.find((h) => h.id === id)?.label ?? id;
    const text = lead.includes(" = ")
      ? `no single leader: ${lead.split(" = ").join(" and ")} tie`
      : `${lead} leads (${label(lead)})`;
    out.push(`${RULE_TEXT[rule].name}: ${text}; ranking ${o.ranking.join(" > ")}.`);
  }
  if (leaders.size > 1) {
    out.push(
      "The rules disagree: inconsistency counts reward hypotheses that little evidence contradicts, the Bayesian reading rewards those the evidence supports (docs/assessment.md).",
    );
  }
  const inapplicable = r.evidence.filter((e) => e.binding?.applied === "none");
  if (inapplicable.length) {
    out.push(
      `${inapplicable.length} bound item${inapplicable.length === 1 ? " has" : "s have"} no data and ${inapplicable.length === 1 ? "is" : "are"} not scored: ${inapplicable.map((e) => e.id).join(", ")} (load the data with \`entente ingest\`).`,
    );
  }
  out.push("", "What would change the conclusion:");
  if (!r.sensitivity.length)
    out.push("  no single removal, credibility change or data result changes any leader.");
  for (const rule of RULES) {
    const changes = r.sensitivity.filter((s) => s.rule === rule);
    if (!changes.length) continue;
    const shown = changes.slice(0, 12).map((s) => `${s.evidence} ${s.change} → ${s.new_leader}`);
    const more = changes.length > 12 ? `; … ${changes.length - 12} more (--json)` : "";
    out.push(`  ${RULE_TEXT[rule].name}: ${shown.join("; ")}${more}`);
  }
  return `${out.join("\n")}\n`;
}

export const runAssess = async (
  ref: string,
  opts: { rule?: string; cases: string; json?: boolean },
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const rules = parseRules(opts.rule);
  const file = resolveCasePath(ref, opts.cases);
  const c = await loadCase(file);
  const location = storeLocation(global.store);
  const hasStore = storeMayExist(location);
  if (!hasStore && !opts.json) {
    process.stderr.write(
      `entente: no store at ${location}: bound evidence is inapplicable (load data with \`entente ingest\`)\n`,
    );
  }
  const store = hasStore ? await openStore(location, { readOnly: true }) : null;
  let result: AssessResult;
  try {
    result = await assess(store, c, rules);
  } finally {
    await store?.close();
  }
  if (opts.json) writeJson(result);
  else process.stdout.write(renderAssessment(result, process.stdout.columns ?? 120));
};

export const runValidate = async (ref: string, opts: { cases: string; json?: boolean }) => {
  const file = resolveCasePath(ref, opts.cases);
  try {
    const c = await loadCase(file);
    const bound = c.evidence.filter((e) => e.binding).length;
    const summary = {
      file,
      ok: true,
      hypotheses: c.hypotheses.length,
      evidence: c.evidence.length,
      bound,
      problems: [],
    };
    if (opts.json) writeJson(summary);
    else
      process.stdout.write(
        `${file}: valid — ${c.hypotheses.length} hypotheses, ${c.evidence.length} evidence items (${bound} bound to data)\n`,
      );
  } catch (e) {
    if (!(e instanceof CaseError)) throw e;
    if (opts.json) writeJson({ file, ok: false, problems: e.problems });
    else
      for (const p of e.problems) {
        const where = p.line === null ? file : `${file}:${p.line}`;
        process.stdout.write(`${where}: ${p.path ? `${p.path}: ` : ""}${p.message}\n`);
      }
    process.exitCode = 2;
  }
};
