/**
 * The ACH editor's problems box: what stands in the way of a save (a YAML syntax error, the
 * server's list of problems in the case, a version conflict), with a Dismiss button.
 */
import type { CaseProblem } from "../api.js";
import { h, replace } from "../dom.js";

export interface Problems {
  readonly el: HTMLElement;
  show(title: string, items: HTMLElement[], ...extra: HTMLElement[]): void;
  hide(): void;
}

/** One problem as a list item: "line 12: evidence[3].credibility: …". */
export function problemItem(p: CaseProblem): HTMLElement {
  return h(
    "li",
    {},
    typeof p.line === "number" ? h("span", { class: "line" }, `line ${p.line}: `) : "",
    p.path ? h("code", {}, p.path) : "",
    p.path ? ": " : "",
    p.message,
  );
}

export function problemsBox(): Problems {
  const el = h("div", { class: "problems", role: "alert", hidden: true });
  function hide(): void {
    el.hidden = true;
    replace(el);
  }
  function show(title: string, items: HTMLElement[], ...extra: HTMLElement[]): void {
    const close = h("button", { type: "button", class: "link close" }, "Dismiss");
    close.addEventListener("click", hide);
    replace(el, h("h3", {}, title), items.length ? h("ul", {}, ...items) : null, ...extra, close);
    el.hidden = false;
  }
  return { el, show, hide };
}
