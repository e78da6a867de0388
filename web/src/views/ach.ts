/**
 * The ACH editor: a case's matrix (hypotheses as columns, evidence as rows) edited with mouse or
 * keyboard, every rule's scores and the sensitivity recomputed in the browser by the CLI's own
 * scoring module as you edit, and Save writing the YAML back (PUT, with the version it was read
 * at) with only the edited values changed in the text.
 */

import { CaseText, type Edit } from "../ach/case-text.js";
import {
  type Applied,
  type CaseModel,
  freeId,
  LEVELS,
  nextRating,
  type Rating,
  RULES,
  type RuleName,
  readCase,
  type Scored,
  type ScoredRow,
  scoreCase,
} from "../ach/model.js";
import {
  ApiError,
  type Assessment,
  api,
  type BindingOutcome,
  type CaseProblem,
  type CaseSummary,
  type CaseVersion,
  describeError,
} from "../api.js";
import { h, replace } from "../dom.js";
import type { AppState } from "../state.js";
import { type Context, setStatus, statusLine, type ViewHandle } from "./common.js";

const RATING_WORDS: Record<Rating, string> = {
  CC: "very consistent",
  C: "consistent",
  N: "neutral",
  I: "inconsistent",
  II: "very inconsistent",
  NA: "not applicable",
};
const KINDS = ["quote", "event", "statistic", "document", "assumption"] as const;
const RULE_INFO: Record<RuleName, { title: string; note: string }> = {
  heuer: { title: "Heuer", note: "Items rated I or II: fewer is more likely." },
  parc: {
    title: "PARC weighted",
    note: "Σ inconsistency × credibility × relevance: nearer 0 is more likely.",
  },
  bayes: { title: "Bayes", note: "Posterior probability: higher is more likely." },
};
/** Keys that set a rating; "c" then "c" again (or C) gives CC, "i" "i" (or I) gives II. */
const KEYS: Record<string, Rating> = {
  c: "C",
  C: "CC",
  n: "N",
  N: "N",
  i: "I",
  I: "II",
  a: "NA",
  A: "NA",
  x: "NA",
  "-": "NA",
  Delete: "NA",
  Backspace: "NA",
  "1": "CC",
  "2": "C",
  "3": "N",
  "4": "I",
  "5": "II",
  "6": "NA",
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

export function achView(root: HTMLElement, ctx: Context, initial: AppState): ViewHandle {
  let st = initial;
  let cases: CaseSummary[] | null = null;
  let name: string | null = null;
  let requested: string | null = null;
  let version: CaseVersion | null = null;
  let saved = "";
  let text: CaseText | null = null;
  let outcomes = new Map<string, Applied>();
  let bindings = new Map<string, BindingOutcome>();
  let model: CaseModel | null = null;
  let scored: Scored | null = null;
  let baseline: Scored | null = null;
  let seq = 0;
  // Editing state of the matrix.
  let focusCell: { ev: string; h: string } | null = null;
  let editing: string | null = null;
  let removing: string | null = null;
  let renaming: string | null = null;
  let lastKey = { key: "", at: 0 };

  const select = h("select", { id: "case-select" });
  const saveBtn = h("button", { type: "button", class: "primary save", disabled: true }, "Save");
  const discardBtn = h("button", { type: "button", disabled: true }, "Discard changes");
  const status = statusLine();
  const problems = h("div", { class: "problems", role: "alert", hidden: true });
  const heading = h("div", { class: "case-heading" });
  const agree = h("p", { class: "agree" });
  const matrixWrap = h("div", { class: "matrix-wrap" });
  const scoresPanel = h("div", { class: "scores", "aria-live": "polite" });
  const sensitivityPanel = h("div", { class: "sensitivity" });
  const yamlPre = h("pre", { class: "yaml" });
  const yamlDetails = h(
    "details",
    { class: "yaml-details" },
    h("summary", {}, "YAML as it will be saved"),
    yamlPre,
  );
  yamlDetails.addEventListener("toggle", () => renderYaml());
  const addEvidence = h("details", { class: "add-evidence" });
  const addHypothesis = h("details", { class: "add-hypothesis" });
  const section = h(
    "section",
    { class: "view ach", "aria-labelledby": "ach-title", "data-agree": "unknown" },
    h("h2", { id: "ach-title" }, "ACH editor"),
    h(
      "div",
      { class: "controls" },
      h("div", { class: "field" }, h("label", { for: "case-select" }, "Case"), select),
      saveBtn,
      discardBtn,
    ),
    status,
    problems,
    heading,
    h(
      "p",
      { id: "ach-help", class: "help" },
      "Click a rating to cycle CC → C → N → I → II → NA. Keyboard: arrows move between cells; c = C, c c or C = CC, n = N, i = I, i i or I = II, a or Delete = NA, Space cycles.",
    ),
    h(
      "div",
      { class: "ach-layout" },
      h("div", { class: "ach-main" }, matrixWrap, addEvidence, addHypothesis),
      h(
        "aside",
        { class: "ach-side", "aria-label": "Scores" },
        h("h3", {}, "Scores"),
        agree,
        scoresPanel,
        sensitivityPanel,
      ),
    ),
    yamlDetails,
  );
  root.replaceChildren(section);

  let readOnly = false;
  ctx.health().then(
    (hl) => {
      readOnly = hl.read_only === true;
      if (readOnly) recompute();
    },
    () => undefined,
  );
  const dirty = () => text !== null && text.text !== saved;
  const onUnload = (ev: BeforeUnloadEvent) => {
    if (dirty()) ev.preventDefault();
  };
  window.addEventListener("beforeunload", onUnload);

  select.addEventListener("change", () => ctx.navigate({ case: select.value }));
  saveBtn.addEventListener("click", () => void save(false));
  discardBtn.addEventListener("click", () => {
    if (!text) return;
    text = new CaseText(saved);
    editing = removing = renaming = null;
    hideProblems();
    recompute();
    setStatus(status, "Changes discarded.");
  });

  // ---- editing -------------------------------------------------------------------------

  function commit(edit: Edit): void {
    if (!text) return;
    text.apply(edit);
    recompute();
  }

  function setRating(row: ScoredRow, hyp: string, r: Rating): void {
    const path =
      row.target === "ratings"
        ? ["evidence", row.ev.index, "ratings", hyp]
        : ["evidence", row.ev.index, "binding", "ratings_if_false", hyp];
    focusCell = { ev: row.ev.id, h: hyp };
    if (row.shown[hyp] !== r) commit({ op: "set", path, value: r });
  }

  function rowOf(id: string): ScoredRow | undefined {
    return scored?.rows.find((r) => r.ev.id === id);
  }

  function cellKey(ev: KeyboardEvent): void {
    const cell = (ev.target as Element).closest<HTMLElement>("td[data-h]");
    if (!cell || !scored || !model) return;
    const row = rowOf(cell.dataset.ev ?? "");
    const hyp = cell.dataset.h ?? "";
    if (!row) return;
    const ri = scored.rows.indexOf(row);
    const hi = scored.hyps.indexOf(hyp);
    const move = (r: number, c: number) => {
      const target = scored?.rows[Math.max(0, Math.min(scored.rows.length - 1, r))];
      const hh = scored?.hyps[Math.max(0, Math.min(scored.hyps.length - 1, c))];
      if (!target || !hh) return;
      focusCell = { ev: target.ev.id, h: hh };
      focusCurrent();
    };
    const current = row.shown[hyp] ?? "NA";
    let rating: Rating | undefined;
    const moves: Record<string, readonly [number, number]> = {
      ArrowUp: [ri - 1, hi],
      ArrowDown: [ri + 1, hi],
      ArrowLeft: [ri, hi - 1],
      ArrowRight: [ri, hi + 1],
      Home: [ri, 0],
      End: [ri, scored.hyps.length - 1],
    };
    const to = moves[ev.key];
    if (to) {
      ev.preventDefault();
      move(to[0], to[1]);
      return;
    }
    switch (ev.key) {
      case " ":
      case "Enter":
        rating = nextRating(current);
        break;
      default: {
        if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
        rating = KEYS[ev.key];
        const now = Date.now();
        const again = lastKey.key === ev.key && now - lastKey.at < 900;
        if (again && ev.key === "c" && current === "C") rating = "CC";
        if (again && ev.key === "i" && current === "I") rating = "II";
        lastKey = { key: ev.key, at: now };
      }
    }
    if (!rating) return;
    ev.preventDefault();
    setRating(row, hyp, rating);
  }

  function focusCurrent(): void {
    const cells = [...matrixWrap.querySelectorAll<HTMLElement>("td[data-h]")];
    for (const c of cells) c.tabIndex = -1;
    const target =
      (focusCell &&
        cells.find((c) => c.dataset.ev === focusCell?.ev && c.dataset.h === focusCell?.h)) ||
      cells[0];
    if (!target) return;
    target.tabIndex = 0;
    if (focusCell) target.focus();
  }

  // ---- rendering -----------------------------------------------------------------------

  function recompute(): void {
    if (!text) return;
    model = readCase(text.toJS());
    scored = scoreCase(model, outcomes);
    renderHeading();
    renderMatrix();
    renderScores();
    renderForms();
    renderYaml();
    const d = dirty();
    saveBtn.disabled = !d || readOnly;
    saveBtn.title = readOnly ? "The server is read-only (entente serve --read-only)" : "";
    discardBtn.disabled = !d;
    section.classList.toggle("dirty", d);
    if (text.errors.length) {
      showProblems(
        "The YAML does not parse.",
        text.errors.map((m) => h("li", {}, m)),
      );
    }
  }

  function renderHeading(): void {
    if (!model) return;
    replace(
      heading,
      h("h3", { class: "case-title" }, model.title),
      h("p", { class: "question" }, model.question),
      h(
        "p",
        { class: "meta" },
        `${model.hypotheses.length} hypotheses, ${model.evidence.length} evidence items · version ${String(version)}`,
        dirty() ? h("strong", { class: "unsaved" }, " · unsaved changes") : "",
      ),
    );
  }

  function bindingBadge(row: ScoredRow): HTMLElement | null {
    if (row.ev.ratingsIfFalse === undefined) return null;
    const words: Record<Applied, string> = {
      ratings: "data: test holds",
      ratings_if_false: "data: test fails, editing ratings_if_false",
      none: "data: no data, not scored",
    };
    return h(
      "span",
      { class: `badge bound ${row.applied}`, title: bindings.get(row.ev.id)?.detail ?? "" },
      words[row.applied],
    );
  }

  function evidenceHeader(row: ScoredRow): HTMLElement {
    const e = row.ev;
    if (editing === e.id) {
      const area = h("textarea", { rows: 4, "aria-label": `Claim of ${e.id}` });
      area.value = e.claim;
      const kind = h(
        "select",
        { "aria-label": `Kind of ${e.id}` },
        ...KINDS.map((k) => h("option", { value: k, selected: k === e.kind }, k)),
      );
      const ok = h("button", { type: "button", class: "primary" }, "Apply");
      const cancel = h("button", { type: "button" }, "Cancel");
      ok.addEventListener("click", () => {
        const claim = area.value.replace(/\s*\n\s*/g, " ").trim();
        editing = null;
        if (!claim) {
          setStatus(status, "A claim cannot be empty.", "error");
          recompute();
          return;
        }
        if (claim !== e.claim)
          text?.apply({ op: "set", path: ["evidence", e.index, "claim"], value: claim });
        if (kind.value !== e.kind)
          text?.apply({ op: "set", path: ["evidence", e.index, "kind"], value: kind.value });
        recompute();
      });
      cancel.addEventListener("click", () => {
        editing = null;
        recompute();
      });
      queueMicrotask(() => area.focus());
      return h(
        "th",
        { scope: "row", class: "evidence editing" },
        h("strong", {}, e.id),
        area,
        h("div", { class: "row-actions" }, kind, ok, cancel),
      );
    }
    const edit = h("button", { type: "button", class: "link" }, "Edit");
    edit.setAttribute("aria-label", `Edit ${e.id}`);
    edit.addEventListener("click", () => {
      editing = e.id;
      recompute();
    });
    let actions: HTMLElement;
    if (removing === e.id) {
      const yes = h("button", { type: "button", class: "danger" }, `Remove ${e.id}`);
      const no = h("button", { type: "button" }, "Keep");
      yes.addEventListener("click", () => {
        removing = null;
        commit({ op: "remove", path: ["evidence"], index: e.index });
      });
      no.addEventListener("click", () => {
        removing = null;
        recompute();
      });
      actions = h("div", { class: "row-actions" }, yes, no);
    } else {
      const remove = h("button", { type: "button", class: "link" }, "Remove");
      remove.setAttribute("aria-label", `Remove ${e.id}`);
      remove.addEventListener("click", () => {
        removing = e.id;
        recompute();
      });
      actions = h("div", { class: "row-actions" }, edit, remove);
    }
    return h(
      "th",
      { scope: "row", class: "evidence" },
      h(
        "div",
        { class: "evid" },
        h("strong", {}, e.id),
        " ",
        h("span", { class: "kind" }, e.kind),
        bindingBadge(row),
      ),
      h("div", { class: "claim", title: e.claim }, e.claim),
      actions,
    );
  }

  function levelSelect(row: ScoredRow, field: "credibility" | "relevance"): HTMLElement {
    const sel = h(
      "select",
      { "aria-label": `${field} of ${row.ev.id}`, "data-focus": `${field}-${row.ev.id}` },
      ...LEVELS.map((l) => h("option", { value: l, selected: row.ev[field] === l }, l)),
    );
    sel.addEventListener("change", () => {
      commit({ op: "set", path: ["evidence", row.ev.index, field], value: sel.value });
      matrixWrap.querySelector<HTMLElement>(`[data-focus="${field}-${row.ev.id}"]`)?.focus();
    });
    return h("td", { class: "level" }, sel);
  }

  function hypothesisHeader(i: number): HTMLElement {
    const hyp = model?.hypotheses[i];
    if (!hyp) return h("th");
    if (renaming === hyp.id) {
      const input = h("input", { type: "text", "aria-label": `Label of ${hyp.id}` });
      input.value = hyp.label;
      const done = (keep: boolean) => {
        renaming = null;
        const v = input.value.trim();
        if (keep && v && v !== hyp.label) {
          commit({ op: "set", path: ["hypotheses", i, "label"], value: v });
        } else recompute();
      };
      input.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") done(true);
        if (ev.key === "Escape") done(false);
      });
      const ok = h("button", { type: "button", class: "primary" }, "OK");
      ok.addEventListener("click", () => done(true));
      queueMicrotask(() => input.focus());
      return h(
        "th",
        { scope: "col", class: "hyp editing" },
        h("span", { class: "hid" }, hyp.id),
        input,
        ok,
      );
    }
    const rename = h("button", { type: "button", class: "link" }, "Rename");
    rename.setAttribute("aria-label", `Rename ${hyp.id}`);
    rename.addEventListener("click", () => {
      renaming = hyp.id;
      recompute();
    });
    return h(
      "th",
      { scope: "col", class: "hyp", "data-h": hyp.id },
      h("span", { class: "hid" }, hyp.id),
      h("span", { class: "hlabel" }, hyp.label),
      rename,
    );
  }

  function renderMatrix(): void {
    if (!model || !scored) return;
    const sc = scored;
    const table = h(
      "table",
      { class: "matrix", role: "grid", "aria-label": "ACH matrix", "aria-describedby": "ach-help" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Evidence"),
          h("th", { scope: "col", title: "credibility" }, "Cred."),
          h("th", { scope: "col", title: "relevance" }, "Rel."),
          h(
            "th",
            { scope: "col", title: "diagnosticity: log10 of the largest over the smallest P(E|H)" },
            "Diag.",
          ),
          ...model.hypotheses.map((_, i) => hypothesisHeader(i)),
        ),
      ),
      h(
        "tbody",
        {},
        ...sc.rows.map((row) =>
          h(
            "tr",
            { "data-ev": row.ev.id, class: row.applied === "none" ? "not-scored" : "" },
            evidenceHeader(row),
            levelSelect(row, "credibility"),
            levelSelect(row, "relevance"),
            h("td", { class: "diag" }, row.diagnosticity.toFixed(2)),
            ...sc.hyps.map((hyp) => {
              const r = row.shown[hyp] ?? "NA";
              return h(
                "td",
                {
                  role: "gridcell",
                  tabindex: -1,
                  class: `rating r-${r}`,
                  "data-ev": row.ev.id,
                  "data-h": hyp,
                  "data-rating": r,
                  "aria-label": `${row.ev.id} under ${hyp}: ${r}, ${RATING_WORDS[r]}`,
                },
                r,
              );
            }),
          ),
        ),
      ),
    );
    table.addEventListener("click", (ev) => {
      const cell = (ev.target as Element).closest<HTMLElement>("td[data-h]");
      const row = cell && rowOf(cell.dataset.ev ?? "");
      if (!cell || !row) return;
      const hyp = cell.dataset.h ?? "";
      setRating(row, hyp, nextRating(row.shown[hyp] ?? "NA"));
    });
    table.addEventListener("keydown", cellKey);
    table.addEventListener("focusin", (ev) => {
      const cell = (ev.target as Element).closest<HTMLElement>("td[data-h]");
      if (cell) focusCell = { ev: cell.dataset.ev ?? "", h: cell.dataset.h ?? "" };
    });
    // A cell that had focus keeps it across the redraw (the roving tabindex follows it).
    const hadCell =
      matrixWrap.contains(document.activeElement) &&
      (document.activeElement as HTMLElement).matches("td[data-h]");
    replace(matrixWrap, table);
    if (hadCell) focusCurrent();
    else {
      const cells = [...table.querySelectorAll<HTMLElement>("td[data-h]")];
      const target =
        cells.find((c) => c.dataset.ev === focusCell?.ev && c.dataset.h === focusCell?.h) ??
        cells[0];
      if (target) target.tabIndex = 0;
    }
  }

  function renderScores(): void {
    if (!model || !scored) return;
    const labels = new Map(model.hypotheses.map((x) => [x.id, x.label]));
    const cards = RULES.map((rule) => {
      const r = scored?.rules[rule];
      const before = baseline?.rules[rule];
      if (!r) return null;
      const values = scored?.hyps.map((x) => r.scores[x] ?? 0) ?? [];
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
            ...(scored?.hyps ?? []).map((x) => {
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
    replace(scoresPanel, ...cards);
    const sens = scored.sensitivity;
    replace(
      sensitivityPanel,
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

  function renderYaml(): void {
    if (yamlDetails.open && text) yamlPre.textContent = text.text;
  }

  function formError(el: HTMLElement, message: string): void {
    el.textContent = message;
    el.hidden = !message;
  }

  function renderForms(): void {
    if (!model) return;
    const m = model;
    const wasOpenE = addEvidence.open;
    const wasOpenH = addHypothesis.open;
    // Evidence.
    const id = h("input", {
      type: "text",
      id: "new-ev-id",
      required: true,
      pattern: "[A-Za-z][A-Za-z0-9_-]*",
    });
    id.value = freeId(
      "E",
      m.evidence.map((e) => e.id),
    );
    const claim = h("textarea", { id: "new-ev-claim", rows: 3, required: true });
    const kind = h(
      "select",
      { id: "new-ev-kind" },
      ...KINDS.map((k) => h("option", { value: k }, k)),
    );
    const source = h("input", { type: "text", id: "new-ev-source", required: true });
    const levels = (idName: string) =>
      h(
        "select",
        { id: idName },
        ...LEVELS.map((l) => h("option", { value: l, selected: l === "M" }, l)),
      );
    const cred = levels("new-ev-cred");
    const rel = levels("new-ev-rel");
    const errE = h("p", { class: "form-error", role: "alert", hidden: true });
    const formE = h(
      "form",
      { class: "add-form" },
      h("label", { for: "new-ev-id" }, "Id"),
      id,
      h("label", { for: "new-ev-claim" }, "Claim"),
      claim,
      h("label", { for: "new-ev-kind" }, "Kind"),
      kind,
      h("label", { for: "new-ev-source" }, "Source title"),
      source,
      h("label", { for: "new-ev-cred" }, "Credibility"),
      cred,
      h("label", { for: "new-ev-rel" }, "Relevance"),
      rel,
      errE,
      h("button", { type: "submit", class: "primary" }, "Add evidence"),
    );
    formE.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const newId = id.value.trim();
      const text_ = claim.value.replace(/\s*\n\s*/g, " ").trim();
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(newId))
        return formError(errE, "An id starts with a letter: letters, digits, _ and -.");
      if (m.evidence.some((e) => e.id === newId)) return formError(errE, `${newId} is taken.`);
      if (!text_) return formError(errE, "Write the claim.");
      if (!source.value.trim()) return formError(errE, "Give the source's title.");
      focusCell = { ev: newId, h: m.hypotheses[0]?.id ?? "" };
      commit({
        op: "append",
        path: ["evidence"],
        value: {
          id: newId,
          claim: text_,
          kind: kind.value,
          source: { title: source.value.trim() },
          credibility: cred.value,
          relevance: rel.value,
          ratings: {},
        },
      });
      addEvidence.open = false;
      focusCurrent();
    });
    replace(addEvidence, h("summary", {}, "Add evidence"), formE);
    addEvidence.open = wasOpenE;

    // Hypotheses.
    const withPriors = m.hypotheses.length > 0 && m.hypotheses.every((x) => x.prior !== undefined);
    const hid = h("input", { type: "text", id: "new-h-id", required: true });
    hid.value = freeId(
      "H",
      m.hypotheses.map((x) => x.id),
    );
    const hlabel = h("input", { type: "text", id: "new-h-label", required: true });
    const prior = h("input", {
      type: "number",
      id: "new-h-prior",
      min: 0.001,
      max: 1,
      step: 0.001,
    });
    const errH = h("p", { class: "form-error", role: "alert", hidden: true });
    const formH = h(
      "form",
      { class: "add-form" },
      h("label", { for: "new-h-id" }, "Id"),
      hid,
      h("label", { for: "new-h-label" }, "Label"),
      hlabel,
      withPriors ? h("label", { for: "new-h-prior" }, "Prior") : null,
      withPriors ? prior : null,
      errH,
      h("button", { type: "submit", class: "primary" }, "Add hypothesis"),
    );
    formH.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const newId = hid.value.trim();
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(newId))
        return formError(errH, "An id starts with a letter: letters, digits, _ and -.");
      if (m.hypotheses.some((x) => x.id === newId)) return formError(errH, `${newId} is taken.`);
      if (!hlabel.value.trim()) return formError(errH, "Give the hypothesis a label.");
      const p = Number(prior.value);
      if (withPriors && !(p > 0 && p <= 1))
        return formError(errH, "This case gives priors: give one between 0 and 1.");
      addHypothesis.open = false;
      commit({
        op: "append",
        path: ["hypotheses"],
        value: { id: newId, label: hlabel.value.trim(), ...(withPriors ? { prior: p } : {}) },
      });
    });
    replace(addHypothesis, h("summary", {}, "Add hypothesis"), formH);
    addHypothesis.open = wasOpenH;
  }

  // ---- problems, loading, saving ---------------------------------------------------------

  function problemItem(p: CaseProblem): HTMLElement {
    return h(
      "li",
      {},
      typeof p.line === "number" ? h("span", { class: "line" }, `line ${p.line}: `) : "",
      p.path ? h("code", {}, p.path) : "",
      p.path ? ": " : "",
      p.message,
    );
  }

  function hideProblems(): void {
    problems.hidden = true;
    replace(problems);
  }

  function showProblems(title: string, items: HTMLElement[], ...extra: HTMLElement[]): void {
    const close = h("button", { type: "button", class: "link close" }, "Dismiss");
    close.addEventListener("click", hideProblems);
    replace(
      problems,
      h("h3", {}, title),
      items.length ? h("ul", {}, ...items) : null,
      ...extra,
      close,
    );
    problems.hidden = false;
  }

  async function save(force: boolean): Promise<void> {
    if (!text || !name || version === null) return;
    if (text.errors.length) return;
    const caseName = name;
    const body = text.text;
    saveBtn.disabled = true;
    setStatus(status, "Saving…");
    try {
      const v = force ? (await api.getCase(caseName)).version : version;
      const r = await api.saveCase(caseName, body, v);
      version = r.version;
      saved = body;
      baseline = scored;
      hideProblems();
      setStatus(status, `Saved ${caseName} (version ${String(r.version)}).`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const reload = h("button", { type: "button" }, "Load the saved version (drop my changes)");
        reload.addEventListener("click", () => {
          saved = "";
          text = null;
          hideProblems();
          void loadCase(caseName);
        });
        const overwrite = h(
          "button",
          { type: "button", class: "danger" },
          "Overwrite it with mine",
        );
        overwrite.addEventListener("click", () => void save(true));
        const mine = h("pre", { class: "yaml" });
        mine.textContent = body;
        showProblems(
          "Conflict: this case was saved by someone else after you opened it",
          [h("li", {}, e.message)],
          h(
            "p",
            {},
            "Your changes are not saved. Load the saved version, or overwrite it with yours:",
          ),
          h("div", { class: "row-actions" }, reload, overwrite),
          h("details", {}, h("summary", {}, "Your YAML (to copy)"), mine),
        );
        setStatus(status, "Not saved: version conflict.", "error");
      } else if (e instanceof ApiError && e.status === 400) {
        showProblems(
          `Not saved: ${e.message}`,
          e.problems.map((p) => problemItem(p)),
        );
        setStatus(status, "Not saved: the server found problems in the case.", "error");
      } else {
        setStatus(status, `Not saved: ${describeError(e)}`, "error");
      }
    } finally {
      recompute();
    }
  }

  async function loadCase(n: string): Promise<void> {
    const mine = ++seq;
    requested = n;
    setStatus(status, `Loading case ${n}…`);
    try {
      const [doc, assessment] = await Promise.all([
        api.getCase(n),
        api.assessment(n).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      ]);
      if (mine !== seq) return;
      name = n;
      version = doc.version;
      saved = doc.yaml;
      text = new CaseText(doc.yaml);
      editing = removing = renaming = null;
      focusCell = null;
      outcomes = new Map();
      bindings = new Map();
      if (!(assessment instanceof Error)) {
        for (const e of assessment.evidence) {
          if (e.binding) {
            outcomes.set(e.id, e.binding.applied);
            bindings.set(e.id, e.binding);
          }
        }
      }
      hideProblems();
      if (doc.problems?.length) {
        showProblems(
          `${n} does not validate: fix these problems before saving`,
          doc.problems.map((p) => problemItem(p)),
        );
      }
      model = readCase(text.toJS());
      scored = scoreCase(model, outcomes);
      baseline = scored;
      recompute();
      select.value = n;
      if (assessment instanceof Error) {
        section.dataset.agree = "unknown";
        agree.textContent = `The server's assessment failed (${describeError(assessment)}): bound items count as having no data.`;
        setStatus(status, "");
      } else {
        const diff = scored ? disagreements(assessment, scored) : [];
        section.dataset.agree = diff.length ? "no" : "yes";
        agree.textContent = diff.length
          ? `The browser's scores differ from the server's: ${diff.join("; ")}`
          : "Scores computed in the browser match the server's assessment.";
        agree.classList.toggle("error", diff.length > 0);
        setStatus(status, "");
      }
    } catch (e) {
      if (mine !== seq) return;
      requested = null;
      setStatus(status, describeError(e), "error");
    }
  }

  async function loadList(): Promise<void> {
    try {
      cases = await api.cases();
      replace(
        select,
        ...cases.map((c) =>
          h(
            "option",
            { value: c.name },
            c.title ? `${c.title} (${c.name})` : `${c.name} (does not validate)`,
          ),
        ),
      );
      if (!cases.length) setStatus(status, "The server has no cases.");
      update(st);
    } catch (e) {
      setStatus(status, describeError(e), "error");
    }
  }

  function update(next: AppState): void {
    st = next;
    if (!cases) return;
    const want = st.case ?? cases[0]?.name;
    if (!want) return;
    if (!st.case) {
      ctx.navigate({ case: want }, { replace: true });
      return;
    }
    if (want === requested) return;
    if (dirty() && name) {
      select.value = name;
      setStatus(
        status,
        `Save or discard your changes to ${name} before opening another case.`,
        "error",
      );
      ctx.navigate({ case: name }, { replace: true });
      return;
    }
    void loadCase(want);
  }

  void loadList();
  return {
    update,
    destroy() {
      window.removeEventListener("beforeunload", onUnload);
    },
  };
}
