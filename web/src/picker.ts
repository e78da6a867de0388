/**
 * A country picker: a combobox whose options come from /api/countries as the user types
 * (debounced; earlier requests are aborted). Arrow keys move, Enter chooses, Escape closes.
 */
import { api, describeError, type StateRef } from "./api.js";
import { debounce, h, replace, uid } from "./dom.js";

export interface Picker {
  readonly el: HTMLElement;
  /** Show a chosen state (without searching). */
  set(state: StateRef | string | undefined): void;
}

export const stateCode = (s: StateRef): string => s.iso3 ?? String(s.ccode);
const display = (s: StateRef): string => `${s.name} (${stateCode(s)})`;

export function countryPicker(labelText: string, onChoose: (s: StateRef) => void): Picker {
  const listId = uid("countries");
  const inputId = uid("picker");
  const input = h("input", {
    id: inputId,
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Search a country…",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
  });
  const list = h("ul", { id: listId, role: "listbox", class: "options", hidden: true });
  const status = h("span", { class: "picker-status", "aria-live": "polite" });
  const el = h(
    "div",
    { class: "picker" },
    h("label", { for: inputId }, labelText),
    h("div", { class: "picker-box" }, input, list),
    status,
  );

  let options: StateRef[] = [];
  let active = -1;
  let controller: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => {
      li.setAttribute("aria-selected", String(j === i));
      if (j === i) {
        input.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      }
    });
  };
  const choose = (st: StateRef) => {
    input.value = display(st);
    close();
    status.textContent = "";
    onChoose(st);
  };
  const show = (found: StateRef[]) => {
    options = found;
    replace(
      list,
      ...found.map((st, i) =>
        h(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            "aria-selected": "false",
            "data-code": stateCode(st),
            on: {
              // mousedown, not click: it comes before the input's blur closes the list.
              mousedown: (ev) => {
                ev.preventDefault();
                choose(st);
              },
            },
          },
          h(
            "span",
            { class: "opt-name" },
            st.name,
            st.matched ? h("span", { class: "opt-alias" }, ` (${st.matched})`) : null,
          ),
          h("span", { class: "opt-code" }, `${st.iso3 ?? "—"} · ${st.ccode}`),
        ),
      ),
    );
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(found.length > 0));
    status.textContent = found.length ? "" : "No country matches";
    active = -1;
  };
  const search = debounce(async (q: string) => {
    controller?.abort();
    if (q.trim().length < 1) {
      show([]);
      status.textContent = "";
      return;
    }
    const mine = new AbortController();
    controller = mine;
    try {
      const found = await api.countries(q.trim(), mine.signal);
      if (controller === mine) show(found);
    } catch (e) {
      if (!mine.signal.aborted) status.textContent = describeError(e);
    }
  }, 200);

  input.addEventListener("input", () => search(input.value));
  input.addEventListener("focus", () => input.select());
  input.addEventListener("blur", () => close());
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (list.hidden && options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      const n = options.length;
      if (n)
        highlight(
          (active +
            (ev.key === "ArrowDown" ? 1 : n - 1) +
            (active < 0 && ev.key === "ArrowUp" ? 1 : 0)) %
            n,
        );
    } else if (ev.key === "Enter") {
      const st = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (st && !list.hidden) {
        ev.preventDefault();
        choose(st);
      }
    } else if (ev.key === "Escape") {
      close();
    }
  });

  return {
    el,
    set(st) {
      input.value = st === undefined ? "" : typeof st === "string" ? st : display(st);
    },
  };
}
