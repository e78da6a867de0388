/**
 * Building DOM without markup strings: every text goes through textContent or setAttribute, so
 * nothing from the data can become markup. Attributes named on* are refused (CSP forbids them and
 * they would be code): listeners are passed as functions in `on`.
 */

type AttrValue = string | number | boolean | null | undefined;
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly [name: string]: AttrValue | Listeners | undefined;
  readonly on?: Listeners;
}
export type Listeners = { readonly [event: string]: (ev: Event) => void };

function apply(el: Element, props: Props | undefined, children: readonly Child[]): void {
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (name === "on") {
        for (const [ev, fn] of Object.entries(value as Listeners)) el.addEventListener(ev, fn);
        continue;
      }
      if (/^on/i.test(name)) throw new Error(`refusing handler attribute ${name}`);
      if (value === null || value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, ...children);
}

export function append(el: Node, ...children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? text(String(c)) : c);
  }
}

export const text = (s: string): Text => document.createTextNode(s);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, props, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  apply(el, props, children);
  return el;
}

/** Replace every child of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

let ids = 0;
/** A document-unique id with a readable prefix. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

/** Call `fn` once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: number | undefined;
  return (...args: A): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), ms);
  };
}
