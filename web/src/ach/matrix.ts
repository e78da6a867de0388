/**
 * The ACH matrix: hypotheses as columns, evidence as rows. A click cycles a rating; the keyboard
 * moves between cells (a roving tabindex) and types ratings; rows and column headers open for
 * editing in place. The matrix keeps only its own state (the current cell, the row or column
 * being edited, the last key typed) and hands every change to the case to the view as edits.
 */
import type { BindingOutcome } from "../api.js";
import { h, replace } from "../dom.js";
import type { Edit } from "./case-text.js";
import {
  type Applied,
  type CaseModel,
  KINDS,
  LEVELS,
  nextRating,
  type Rating,
  type Scored,
  type ScoredRow,
} from "./model.js";

/** A cell: an evidence item under a hypothesis. */
export interface Cell {
  readonly ev: string;
  readonly h: string;
}

export interface MatrixHost {
  /** Apply the edits to the case text (none: nothing changes) and redraw the editor. */
  edit(...edits: Edit[]): void;
  /** Redraw the editor: a row or header opened or closed. */
  redraw(): void;
  /** Say in the status line what was refused. */
  refuse(message: string): void;
}

export interface Matrix {
  /** The element the table goes into. */
  readonly el: HTMLElement;
  /** Draw the case; a cell that had focus keeps it. */
  render(model: CaseModel, scored: Scored, bindings: ReadonlyMap<string, BindingOutcome>): void;
  /** Make `cell` the current one (the next render gives it the tab stop). */
  setCurrent(cell: Cell): void;
  /** Focus the current cell (or give the first cell the tab stop). */
  focusCurrent(): void;
  /** Close any row or header open for editing or removal. */
  closeEditors(): void;
  /** Forget the current cell and close the editors: another case is opened. */
  reset(): void;
}

const RATING_WORDS: Record<Rating, string> = {
  CC: "very consistent",
  C: "consistent",
  N: "neutral",
  I: "inconsistent",
  II: "very inconsistent",
  NA: "not applicable",
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
/** A key typed twice within this many milliseconds doubles the rating (c c = CC). */
const AGAIN_MS = 900;

export function achMatrix(host: MatrixHost): Matrix {
  const el = h("div", { class: "matrix-wrap" });
  let model: CaseModel | null = null;
  let scored: Scored | null = null;
  let bindings: ReadonlyMap<string, BindingOutcome> = new Map();
  let focusCell: Cell | null = null;
  let editing: string | null = null;
  let removing: string | null = null;
  let renaming: string | null = null;
  let lastKey = { key: "", at: 0 };

  function setRating(row: ScoredRow, hyp: string, r: Rating): void {
    const path =
      row.target === "ratings"
        ? ["evidence", row.ev.index, "ratings", hyp]
        : ["evidence", row.ev.index, "binding", "ratings_if_false", hyp];
    focusCell = { ev: row.ev.id, h: hyp };
    if (row.shown[hyp] !== r) host.edit({ op: "set", path, value: r });
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
        const again = lastKey.key === ev.key && now - lastKey.at < AGAIN_MS;
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
    const cells = [...el.querySelectorAll<HTMLElement>("td[data-h]")];
    for (const c of cells) c.tabIndex = -1;
    const target =
      (focusCell &&
        cells.find((c) => c.dataset.ev === focusCell?.ev && c.dataset.h === focusCell?.h)) ||
      cells[0];
    if (!target) return;
    target.tabIndex = 0;
    if (focusCell) target.focus();
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
          host.refuse("A claim cannot be empty.");
          host.redraw();
          return;
        }
        const edits: Edit[] = [];
        if (claim !== e.claim)
          edits.push({ op: "set", path: ["evidence", e.index, "claim"], value: claim });
        if (kind.value !== e.kind)
          edits.push({ op: "set", path: ["evidence", e.index, "kind"], value: kind.value });
        host.edit(...edits);
      });
      cancel.addEventListener("click", () => {
        editing = null;
        host.redraw();
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
      host.redraw();
    });
    let actions: HTMLElement;
    if (removing === e.id) {
      const yes = h("button", { type: "button", class: "danger" }, `Remove ${e.id}`);
      const no = h("button", { type: "button" }, "Keep");
      yes.addEventListener("click", () => {
        removing = null;
        host.edit({ op: "remove", path: ["evidence"], index: e.index });
      });
      no.addEventListener("click", () => {
        removing = null;
        host.redraw();
      });
      actions = h("div", { class: "row-actions" }, yes, no);
    } else {
      const remove = h("button", { type: "button", class: "link" }, "Remove");
      remove.setAttribute("aria-label", `Remove ${e.id}`);
      remove.addEventListener("click", () => {
        removing = e.id;
        host.redraw();
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
      host.edit({ op: "set", path: ["evidence", row.ev.index, field], value: sel.value });
      el.querySelector<HTMLElement>(`[data-focus="${field}-${row.ev.id}"]`)?.focus();
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
          host.edit({ op: "set", path: ["hypotheses", i, "label"], value: v });
        } else host.redraw();
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
      host.redraw();
    });
    return h(
      "th",
      { scope: "col", class: "hyp", "data-h": hyp.id },
      h("span", { class: "hid" }, hyp.id),
      h("span", { class: "hlabel" }, hyp.label),
      rename,
    );
  }

  function render(m: CaseModel, sc: Scored, outcomes: ReadonlyMap<string, BindingOutcome>): void {
    model = m;
    scored = sc;
    bindings = outcomes;
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
          ...m.hypotheses.map((_, i) => hypothesisHeader(i)),
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
      el.contains(document.activeElement) &&
      (document.activeElement as HTMLElement).matches("td[data-h]");
    replace(el, table);
    if (hadCell) focusCurrent();
    else {
      const cells = [...table.querySelectorAll<HTMLElement>("td[data-h]")];
      const target =
        cells.find((c) => c.dataset.ev === focusCell?.ev && c.dataset.h === focusCell?.h) ??
        cells[0];
      if (target) target.tabIndex = 0;
    }
  }

  return {
    el,
    render,
    setCurrent(cell) {
      focusCell = cell;
    },
    focusCurrent,
    closeEditors() {
      editing = removing = renaming = null;
    },
    reset() {
      editing = removing = renaming = null;
      focusCell = null;
    },
  };
}
