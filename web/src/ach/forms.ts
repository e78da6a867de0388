/**
 * The ACH editor's two forms under the matrix: add an evidence item, add a hypothesis. Each
 * checks what it can in the browser (id syntax, id taken, required fields, the prior when the
 * case gives priors) and hands the view one append edit; the server validates the whole case on
 * save.
 */
import { h, replace } from "../dom.js";
import type { Edit } from "./case-text.js";
import type { Cell } from "./matrix.js";
import { type CaseModel, freeId, KINDS, LEVELS } from "./model.js";

export interface FormsHost {
  /** Apply the edit and redraw the editor; `focus`: the matrix cell to make current first. */
  edit(edit: Edit, focus?: Cell): void;
  /** Move the keyboard focus to the matrix's current cell. */
  focusMatrix(): void;
}

export interface AddForms {
  readonly evidence: HTMLDetailsElement;
  readonly hypothesis: HTMLDetailsElement;
  /** Rebuild both forms for the case as it is now (fresh ids), each left open or closed as it was. */
  render(model: CaseModel): void;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ID_RULE = "An id starts with a letter: letters, digits, _ and -.";

/** A label and its control: one row of the form's two-column grid. */
const field = (label: string, control: HTMLElement): HTMLElement[] => [
  h("label", { for: control.id }, label),
  control,
];
const errorLine = () => h("p", { class: "form-error", role: "alert", hidden: true });

function formError(el: HTMLElement, message: string): void {
  el.textContent = message;
  el.hidden = !message;
}

export function addForms(host: FormsHost): AddForms {
  const evidence = h("details", { class: "add-evidence" });
  const hypothesis = h("details", { class: "add-hypothesis" });

  function renderEvidence(m: CaseModel): void {
    const wasOpen = evidence.open;
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
    const err = errorLine();
    const form = h(
      "form",
      { class: "add-form" },
      ...field("Id", id),
      ...field("Claim", claim),
      ...field("Kind", kind),
      ...field("Source title", source),
      ...field("Credibility", cred),
      ...field("Relevance", rel),
      err,
      h("button", { type: "submit", class: "primary" }, "Add evidence"),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const newId = id.value.trim();
      const text = claim.value.replace(/\s*\n\s*/g, " ").trim();
      if (!ID.test(newId)) return formError(err, ID_RULE);
      if (m.evidence.some((e) => e.id === newId)) return formError(err, `${newId} is taken.`);
      if (!text) return formError(err, "Write the claim.");
      if (!source.value.trim()) return formError(err, "Give the source's title.");
      host.edit(
        {
          op: "append",
          path: ["evidence"],
          value: {
            id: newId,
            claim: text,
            kind: kind.value,
            source: { title: source.value.trim() },
            credibility: cred.value,
            relevance: rel.value,
            ratings: {},
          },
        },
        { ev: newId, h: m.hypotheses[0]?.id ?? "" },
      );
      evidence.open = false;
      host.focusMatrix();
    });
    replace(evidence, h("summary", {}, "Add evidence"), form);
    evidence.open = wasOpen;
  }

  function renderHypothesis(m: CaseModel): void {
    const wasOpen = hypothesis.open;
    const withPriors = m.hypotheses.length > 0 && m.hypotheses.every((x) => x.prior !== undefined);
    const id = h("input", { type: "text", id: "new-h-id", required: true });
    id.value = freeId(
      "H",
      m.hypotheses.map((x) => x.id),
    );
    const label = h("input", { type: "text", id: "new-h-label", required: true });
    const prior = h("input", {
      type: "number",
      id: "new-h-prior",
      min: 0.001,
      max: 1,
      step: 0.001,
    });
    const err = errorLine();
    const form = h(
      "form",
      { class: "add-form" },
      ...field("Id", id),
      ...field("Label", label),
      ...(withPriors ? field("Prior", prior) : []),
      err,
      h("button", { type: "submit", class: "primary" }, "Add hypothesis"),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const newId = id.value.trim();
      if (!ID.test(newId)) return formError(err, ID_RULE);
      if (m.hypotheses.some((x) => x.id === newId)) return formError(err, `${newId} is taken.`);
      if (!label.value.trim()) return formError(err, "Give the hypothesis a label.");
      const p = Number(prior.value);
      if (withPriors && !(p > 0 && p <= 1))
        return formError(err, "This case gives priors: give one between 0 and 1.");
      hypothesis.open = false;
      host.edit({
        op: "append",
        path: ["hypotheses"],
        value: { id: newId, label: label.value.trim(), ...(withPriors ? { prior: p } : {}) },
      });
    });
    replace(hypothesis, h("summary", {}, "Add hypothesis"), form);
    hypothesis.open = wasOpen;
  }

  return {
    evidence,
    hypothesis,
    render(model) {
      renderEvidence(model);
      renderHypothesis(model);
    },
  };
}
