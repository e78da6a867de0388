/**
 * The ACH editor: a case's matrix (hypotheses as columns, evidence as rows) edited with mouse or
 * keyboard, every rule's scores and the sensitivity recomputed in the browser by the CLI's own
 * scoring module as you edit, and Save writing the YAML back (PUT, with the version it was read
 * at) with only the edited values changed in the text.
 *
 * This view is the controller: it holds the open case (its text, the version it was read at, the
 * server's outcomes of bound tests), loads and saves it, and redraws the parts on every edit. The
 * parts live in web/src/ach/: the matrix (matrix.ts, which keeps its own focus and editing
 * state), the scores panel (scores.ts), the add forms (forms.ts) and the problems box.
 */

import { CaseText, type Edit } from "../ach/case-text.js";
import { addForms } from "../ach/forms.js";
import { achMatrix } from "../ach/matrix.js";
import { type Applied, type CaseModel, readCase, type Scored, scoreCase } from "../ach/model.js";
import { problemItem, problemsBox } from "../ach/problems.js";
import { disagreements, renderScores, renderSensitivity } from "../ach/scores.js";
import {
  ApiError,
  api,
  type BindingOutcome,
  type CaseSummary,
  type CaseVersion,
  describeError,
} from "../api.js";
import { h, replace } from "../dom.js";
import type { AppState } from "../state.js";
import { type Context, setStatus, statusLine, type ViewHandle } from "./common.js";

/** The case open in the editor. */
interface OpenCase {
  readonly name: string;
  /** The version and text as last read or saved (a save sends this version back). */
  version: CaseVersion;
  saved: string;
  /** The text as edited. */
  text: CaseText;
  /** The server's outcome of each bound item's data test (missing: no data, not scored). */
  readonly outcomes: ReadonlyMap<string, Applied>;
  readonly bindings: ReadonlyMap<string, BindingOutcome>;
  /** The scores at load or last save: the "was" figures beside changed ones. */
  baseline: Scored;
  /** The scores of the text as edited. */
  scored: Scored;
}

export function achView(root: HTMLElement, ctx: Context, initial: AppState): ViewHandle {
  let st = initial;
  let cases: CaseSummary[] | null = null;
  /** The case last asked for (loading or loaded), and the number of the latest load. */
  let requested: string | null = null;
  let seq = 0;
  let readOnly = false;
  let open: OpenCase | null = null;

  const select = h("select", { id: "case-select" });
  const saveBtn = h("button", { type: "button", class: "primary save", disabled: true }, "Save");
  const discardBtn = h("button", { type: "button", disabled: true }, "Discard changes");
  const status = statusLine();
  const problems = problemsBox();
  const heading = h("div", { class: "case-heading" });
  const agree = h("p", { class: "agree" });
  const matrix = achMatrix({
    edit: (...edits) => apply(edits),
    redraw: () => recompute(),
    refuse: (message) => setStatus(status, message, "error"),
  });
  const forms = addForms({
    edit(edit, focus) {
      if (focus) matrix.setCurrent(focus);
      apply([edit]);
    },
    focusMatrix: () => matrix.focusCurrent(),
  });
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
    problems.el,
    heading,
    h(
      "p",
      { id: "ach-help", class: "help" },
      "Click a rating to cycle CC → C → N → I → II → NA. Keyboard: arrows move between cells; c = C, c c or C = CC, n = N, i = I, i i or I = II, a or Delete = NA, Space cycles.",
    ),
    h(
      "div",
      { class: "ach-layout" },
      h("div", { class: "ach-main" }, matrix.el, forms.evidence, forms.hypothesis),
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

  ctx.health().then(
    (hl) => {
      readOnly = hl.read_only === true;
      if (readOnly) recompute();
    },
    () => undefined,
  );
  const dirty = () => open !== null && open.text.text !== open.saved;
  const onUnload = (ev: BeforeUnloadEvent) => {
    if (dirty()) ev.preventDefault();
  };
  window.addEventListener("beforeunload", onUnload);

  select.addEventListener("change", () => ctx.navigate({ case: select.value }));
  saveBtn.addEventListener("click", () => void save(false));
  discardBtn.addEventListener("click", () => {
    if (!open) return;
    open.text = new CaseText(open.saved);
    matrix.closeEditors();
    problems.hide();
    recompute();
    setStatus(status, "Changes discarded.");
  });

  /** Apply edits to the text (none: nothing changes) and redraw. */
  function apply(edits: readonly Edit[]): void {
    if (!open) return;
    for (const edit of edits) open.text.apply(edit);
    recompute();
  }

  // ---- rendering -----------------------------------------------------------------------

  /** Read the text, score it and redraw every part. */
  function recompute(): void {
    if (!open) return;
    const model = readCase(open.text.toJS());
    open.scored = scoreCase(model, open.outcomes);
    renderHeading(model, open.version);
    matrix.render(model, open.scored, open.bindings);
    renderScores(scoresPanel, model, open.scored, open.baseline);
    renderSensitivity(sensitivityPanel, open.scored);
    forms.render(model);
    renderYaml();
    const d = dirty();
    saveBtn.disabled = !d || readOnly;
    saveBtn.title = readOnly ? "The server is read-only (entente serve --read-only)" : "";
    discardBtn.disabled = !d;
    section.classList.toggle("dirty", d);
    if (open.text.errors.length) {
      problems.show(
        "The YAML does not parse.",
        open.text.errors.map((m) => h("li", {}, m)),
      );
    }
  }

  function renderHeading(model: CaseModel, version: CaseVersion): void {
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

  function renderYaml(): void {
    if (yamlDetails.open && open) yamlPre.textContent = open.text.text;
  }

  // ---- loading, saving -----------------------------------------------------------------

  async function save(force: boolean): Promise<void> {
    if (!open || open.text.errors.length) return;
    const caseName = open.name;
    const body = open.text.text;
    const version = open.version;
    saveBtn.disabled = true;
    setStatus(status, "Saving…");
    try {
      const v = force ? (await api.getCase(caseName)).version : version;
      const r = await api.saveCase(caseName, body, v);
      if (open) {
        open.version = r.version;
        open.saved = body;
        open.baseline = open.scored;
      }
      problems.hide();
      setStatus(status, `Saved ${caseName} (version ${String(r.version)}).`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const reload = h("button", { type: "button" }, "Load the saved version (drop my changes)");
        reload.addEventListener("click", () => {
          open = null;
          problems.hide();
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
        problems.show(
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
        problems.show(
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
      const outcomes = new Map<string, Applied>();
      const bindings = new Map<string, BindingOutcome>();
      if (!(assessment instanceof Error)) {
        for (const e of assessment.evidence) {
          if (e.binding) {
            outcomes.set(e.id, e.binding.applied);
            bindings.set(e.id, e.binding);
          }
        }
      }
      const text = new CaseText(doc.yaml);
      const scored = scoreCase(readCase(text.toJS()), outcomes);
      const loaded: OpenCase = {
        name: n,
        version: doc.version,
        saved: doc.yaml,
        text,
        outcomes,
        bindings,
        baseline: scored,
        scored,
      };
      open = loaded;
      matrix.reset();
      problems.hide();
      if (doc.problems?.length) {
        problems.show(
          `${n} does not validate: fix these problems before saving`,
          doc.problems.map((p) => problemItem(p)),
        );
      }
      recompute();
      select.value = n;
      if (assessment instanceof Error) {
        section.dataset.agree = "unknown";
        agree.textContent = `The server's assessment failed (${describeError(assessment)}): bound items count as having no data.`;
        setStatus(status, "");
      } else {
        const diff = disagreements(assessment, loaded.scored);
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
    if (open && dirty()) {
      select.value = open.name;
      setStatus(
        status,
        `Save or discard your changes to ${open.name} before opening another case.`,
        "error",
      );
      ctx.navigate({ case: open.name }, { replace: true });
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
