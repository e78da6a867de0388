/** Pieces the views share: the year-range control, the app context, status lines. */
import type { Codebook, Health, IndicatorInfo, SourceInfo } from "../api.js";
import { h, uid } from "../dom.js";
import type { AppState } from "../state.js";

export interface Context {
  /** Change the state: the URL first (a new history entry unless `replace`), then the view. */
  navigate(patch: Partial<AppState>, opts?: { replace?: boolean }): void;
  /** /api/sources, fetched once. */
  sources(): Promise<SourceInfo[]>;
  /** /api/indicators (the codebook, with each indicator's datasets), fetched once. */
  indicators(): Promise<Codebook[]>;
  /** /api/health, fetched once at start. */
  health(): Promise<Health>;
}

export interface ViewHandle {
  update(st: AppState): void;
  destroy?(): void;
}

export interface RangeControl {
  readonly el: HTMLElement;
  /** The years that can be chosen and the years chosen. */
  set(min: number, max: number, from: number, to: number): void;
}

/** Two sliders (first and last year) and a reset button; `onChange(undefined…)` = all years. */
export function rangeControl(
  onChange: (from: number | undefined, to: number | undefined) => void,
): RangeControl {
  const fromId = uid("from");
  const toId = uid("to");
  const from = h("input", { id: fromId, type: "range", step: 1, class: "from" });
  const to = h("input", { id: toId, type: "range", step: 1, class: "to" });
  const out = h("output", { for: `${fromId} ${toId}`, class: "years" });
  const reset = h("button", { type: "button", class: "reset" }, "All years");
  let min = 0;
  let max = 0;
  const show = () => {
    out.textContent = `${from.value}–${to.value}`;
  };
  const changed = (which: "from" | "to") => {
    let a = Number(from.value);
    let b = Number(to.value);
    if (a > b) {
      if (which === "from") b = a;
      else a = b;
      from.value = String(a);
      to.value = String(b);
    }
    show();
    onChange(a === min && b === max ? undefined : a, a === min && b === max ? undefined : b);
  };
  from.addEventListener("input", () => changed("from"));
  to.addEventListener("input", () => changed("to"));
  reset.addEventListener("click", () => onChange(undefined, undefined));
  const el = h(
    "fieldset",
    { class: "range" },
    h("legend", {}, "Years"),
    h("label", { for: fromId }, "From"),
    from,
    h("label", { for: toId }, "to"),
    to,
    out,
    reset,
  );
  return {
    el,
    set(lo, hi, a, b) {
      min = lo;
      max = hi;
      for (const input of [from, to]) {
        input.min = String(lo);
        input.max = String(hi);
      }
      from.value = String(a);
      to.value = String(b);
      show();
    },
  };
}

/** A status line that screen readers announce. */
export function statusLine(): HTMLParagraphElement {
  return h("p", { class: "status", role: "status", "aria-live": "polite" });
}

export function setStatus(el: HTMLElement, message: string, kind: "info" | "error" = "info") {
  el.textContent = message;
  el.classList.toggle("error", kind === "error");
}

/** Clamp the zoom to the data's years. */
export function zoom(st: AppState, extent: readonly [number, number]): [number, number] {
  const a = Math.max(extent[0], Math.min(st.from ?? extent[0], extent[1]));
  const b = Math.min(extent[1], Math.max(st.to ?? extent[1], a));
  return [a, b];
}

/** What an indicator is: description, unit, source and citation, as the server describes it. */
export function indicatorDetails(info: IndicatorInfo): HTMLElement {
  return h(
    "dl",
    {},
    h("dt", {}, "Description"),
    h("dd", {}, info.description),
    h("dt", {}, "Unit"),
    h("dd", {}, info.unit),
    h("dt", {}, "Source"),
    h("dd", {}, info.source),
    h("dt", {}, "Citation"),
    h("dd", { class: "citation" }, info.citation),
  );
}
