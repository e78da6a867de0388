/**
 * Several dyads on one chart for one indicator (e.g. UN agreement of Russia–China, Russia–India
 * and USA–Japan), with the indicator's provenance under the chart.
 */
import { api, type DyadResult, describeError, type StateRef } from "../api.js";
import { renderChart, type Series, swatch } from "../chart.js";
import { debounce, h, replace } from "../dom.js";
import { CHART_KEYS, label, PALETTE, rowLabel, rowX } from "../indicators.js";
import { countryPicker, stateCode } from "../picker.js";
import type { AppState } from "../state.js";
import {
  type Context,
  indicatorDetails,
  rangeControl,
  setStatus,
  statusLine,
  type ViewHandle,
  zoom,
} from "./common.js";

export const DEFAULT_DYADS = ["RUS-CHN", "RUS-IND", "USA-JPN"];
const DEFAULT_INDICATOR = "un_agree";
const CHOICES = [
  ...new Set([
    ...CHART_KEYS,
    "un_s",
    "un_pi",
    "trade_total",
    "trade_asymmetry",
    "arms_share_b_from_a",
    "arms_share_a_from_b",
    "cinc_ratio",
    "cooperation_index",
    "hostility_index",
    "alignment_index",
    "dependence_asymmetry",
    "igo_shared_rank",
  ]),
];

const split = (d: string): [string, string] | null => {
  const m = /^([^-]+)-([^-]+)$/.exec(d);
  return m ? [m[1] as string, m[2] as string] : null;
};

export function compareView(root: HTMLElement, ctx: Context, initial: AppState): ViewHandle {
  let st = initial;
  const cache = new Map<string, Promise<DyadResult>>();
  const results = new Map<string, DyadResult | Error>();
  let seq = 0;
  let newA: StateRef | null = null;
  let newB: StateRef | null = null;

  const dyads = () => st.dyads ?? DEFAULT_DYADS;
  const indicator = () => st.indicator ?? DEFAULT_INDICATOR;

  const select = h("select", { id: "compare-indicator" });
  select.addEventListener("change", () => ctx.navigate({ indicator: select.value }));
  const chips = h("ul", { class: "chips", "aria-label": "Dyads compared" });
  const pickA = countryPicker("New dyad: A", (s) => {
    newA = s;
  });
  const pickB = countryPicker("B", (s) => {
    newB = s;
  });
  const add = h("button", { type: "button", class: "add-dyad" }, "Add dyad");
  add.addEventListener("click", () => {
    if (!newA || !newB) {
      setStatus(status, "Choose both states of the new dyad first.", "error");
      return;
    }
    const d = `${stateCode(newA)}-${stateCode(newB)}`;
    if (!dyads().includes(d)) ctx.navigate({ dyads: [...dyads(), d] });
    newA = newB = null;
    pickA.set(undefined);
    pickB.set(undefined);
  });
  const range = rangeControl((from, to) => ctx.navigate({ from, to }, { replace: true }));
  const status = statusLine();
  const figure = h("figure", { class: "chart-card compare-chart" });
  const about = h("section", { class: "about-indicator", "aria-live": "polite" });

  root.replaceChildren(
    h(
      "section",
      { class: "view compare", "aria-labelledby": "compare-title" },
      h("h2", { id: "compare-title" }, "Compare dyads"),
      h(
        "div",
        { class: "controls" },
        h("div", { class: "field" }, h("label", { for: "compare-indicator" }, "Indicator"), select),
        range.el,
      ),
      chips,
      h("div", { class: "controls add" }, pickA.el, pickB.el, add),
      status,
      figure,
      about,
    ),
  );

  function fetchDyad(d: string, ind: string): Promise<DyadResult> {
    const key = `${d}|${ind}`;
    let p = cache.get(key);
    if (!p) {
      const ab = split(d);
      p = ab
        ? api.dyad(ab[0], ab[1], { indicators: ind })
        : Promise.reject(new Error(`"${d}" is not a dyad (write A-B, e.g. RUS-CHN)`));
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return p;
  }

  function drawChips(): void {
    replace(
      chips,
      ...dyads().map((d, i) => {
        const r = results.get(d);
        const name = r && !(r instanceof Error) ? `${r.dyad.a.name}–${r.dyad.b.name}` : d;
        const remove = h(
          "button",
          { type: "button", class: "remove", title: `Remove ${name}` },
          "×",
        );
        remove.setAttribute("aria-label", `Remove ${name}`);
        remove.addEventListener("click", () =>
          ctx.navigate({ dyads: dyads().filter((x) => x !== d) }),
        );
        const ind = indicator();
        const empty =
          r !== undefined &&
          !(r instanceof Error) &&
          !r.rows.some((row) => typeof row[ind] === "number");
        return h(
          "li",
          { class: r instanceof Error ? "chip failed" : empty ? "chip empty" : "chip" },
          swatch(PALETTE[i % PALETTE.length] as string),
          name,
          empty ? h("small", {}, " (no data)") : null,
          r instanceof Error ? h("small", {}, " (failed)") : null,
          remove,
        );
      }),
    );
  }

  function draw(): void {
    const ind = indicator();
    const list = dyads();
    drawChips();
    const ok = list
      .map((d, i) => ({ d, i, r: results.get(d) }))
      .filter(
        (x): x is { d: string; i: number; r: DyadResult } =>
          x.r !== undefined && !(x.r instanceof Error),
      );
    const xs = ok.flatMap(({ r }) =>
      r.rows.filter((row) => typeof row[ind] === "number").map((row) => rowX(row) as number),
    );
    const extent: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 0];
    const [from, to] = zoom(st, extent);
    range.set(extent[0], extent[1], from, to);
    const info = ok[0]?.r.indicators.find((i) => i.name === ind);
    const series: Series[] = ok.map(({ d, i, r }) => ({
      key: d,
      label: `${r.dyad.a.name}–${r.dyad.b.name}`,
      color: PALETTE[i % PALETTE.length] as string,
      unit: info?.unit ?? "",
      points: r.rows.map((row) => ({
        x: rowX(row) as number,
        label: rowLabel(row),
        v: typeof row[ind] === "number" ? (row[ind] as number) : null,
      })),
    }));
    const title = `${label(ind)} (${ind}) by dyad`;
    const slot = h("div", { class: "chart-slot" });
    replace(figure, h("figcaption", {}, h("h3", {}, title)), slot);
    slot.replaceWith(
      renderChart({
        title,
        kind: "line",
        axis: info?.unit ?? "",
        series,
        x: [from, to],
        step: 1,
        onBrush: (f, t) => ctx.navigate({ from: f, to: t }, { replace: true }),
        onReset: () => ctx.navigate({ from: undefined, to: undefined }, { replace: true }),
        width: slot.clientWidth,
      }),
    );
    replace(about, info ? indicatorDetails(info) : null);
    const failed = list.filter((d) => results.get(d) instanceof Error);
    if (failed.length) {
      setStatus(
        status,
        failed.map((d) => `${d}: ${describeError(results.get(d))}`).join(" "),
        "error",
      );
    }
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    const ind = indicator();
    const list = dyads();
    setStatus(status, `Loading ${list.length} dyads…`);
    const got = await Promise.all(
      list.map((d) =>
        fetchDyad(d, ind).then(
          (r) => [d, r] as const,
          (e: unknown) => [d, e instanceof Error ? e : new Error(String(e))] as const,
        ),
      ),
    );
    if (mine !== seq) return;
    results.clear();
    for (const [d, r] of got) results.set(d, r);
    setStatus(status, list.length ? "" : "Add a dyad to compare.");
    draw();
  }

  let loadedKey = "";
  function update(next: AppState): void {
    st = next;
    const ind = indicator();
    const options = CHOICES.includes(ind) ? CHOICES : [ind, ...CHOICES];
    if (select.options.length !== options.length) {
      replace(select, ...options.map((k) => h("option", { value: k }, `${label(k)} (${k})`)));
    }
    select.value = ind;
    const key = `${dyads().join(",")}|${ind}`;
    if (key !== loadedKey) {
      loadedKey = key;
      void load();
    } else draw();
  }

  const onResize = debounce(() => {
    if (!root.hidden && results.size) draw();
  }, 200);
  window.addEventListener("resize", onResize);
  update(initial);
  return {
    update,
    destroy() {
      window.removeEventListener("resize", onResize);
    },
  };
}
