/**
 * The dyad page: two country pickers, a chart per domain (UN voting, trade, arms, exercises,
 * alliances, event data) and a table of values whose provenance shows on hover, focus or click.
 */
import {
  api,
  type BlocsResult,
  type DyadResult,
  type DyadRow,
  describeError,
  type Health,
  type IndicatorInfo,
} from "../api.js";
import { renderChart, type Series, type SeriesChanges, swatch } from "../chart.js";
import { debounce, h, replace } from "../dom.js";
import { fmt } from "../format.js";
import {
  CHART_KEYS,
  coverageRuns,
  datasetsOf,
  GROUPS,
  label,
  PALETTE,
  rowLabel,
  rowX,
} from "../indicators.js";
import { countryPicker, stateCode } from "../picker.js";
import { type AppState, formatState } from "../state.js";
import { blocColour } from "./blocs.js";
import {
  type Context,
  indicatorDetails,
  rangeControl,
  setStatus,
  statusLine,
  type ViewHandle,
  zoom,
} from "./common.js";

const EXAMPLES: ReadonlyArray<readonly [string, string, string]> = [
  ["RUS", "CHN", "Russia–China"],
  ["RUS", "IND", "Russia–India"],
  ["USA", "JPN", "USA–Japan"],
];

/**
 * "67 years with data (1950–2016)": the rows of this pair with some value, not the store's span.
 * A 0 from event data only says the source covered the period without an event between the two,
 * so it does not count as data for the pair.
 */
export function dataSpan(r: DyadResult): string {
  const keys = r.indicators.map((i) => i.name);
  const event = (k: string) => /^(gdelt|icews)_/.test(k);
  const has = r.rows.filter((row) =>
    keys.some((k) => {
      const v = row[k];
      return typeof v === "number" && Number.isFinite(v) && !(v === 0 && event(k));
    }),
  );
  const unit = r.period === "year" ? "year" : r.period;
  const n = has.length;
  if (!n) return `no ${unit} with data for this pair`;
  const first = rowLabel(has[0] as DyadRow);
  const last = rowLabel(has[n - 1] as DyadRow);
  return `${n} ${unit}${n === 1 ? "" : "s"} with data (${first === last ? first : `${first}–${last}`})`;
}

const stepOf = (period: string | undefined): number =>
  period === "quarter" ? 0.25 : period === "month" ? 1 / 12 : 1;

/** Re-focus the control that had focus before a redraw (matched by data-focus). */
function keepFocus(draw: () => void): void {
  const id = (document.activeElement as HTMLElement | null)?.dataset?.focus;
  draw();
  if (id) document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(id)}"]`)?.focus();
}

export function dyadView(root: HTMLElement, ctx: Context, initial: AppState): ViewHandle {
  let st = initial;
  let data: DyadResult | null = null;
  let requested = "";
  let seq = 0;
  let showAll = false;
  let hideEmpty = true;
  let pinned: { key: string; i?: number } | null = null;
  let idealPoints: Health["ideal_points"] | undefined;

  const pickA = countryPicker("State A", (s) => ctx.navigate({ a: stateCode(s) }));
  const pickB = countryPicker("State B", (s) => ctx.navigate({ b: stateCode(s) }));
  const swap = h(
    "button",
    {
      type: "button",
      class: "swap",
      title: "Swap A and B",
      on: { click: () => ctx.navigate({ a: st.b, b: st.a }) },
    },
    "⇄",
  );
  swap.setAttribute("aria-label", "Swap A and B");
  const period = h(
    "select",
    {
      id: "period",
      on: {
        change: (ev) => {
          const v = (ev.target as HTMLSelectElement).value;
          ctx.navigate({ period: v === "quarter" || v === "month" ? v : undefined });
        },
      },
    },
    h("option", { value: "year" }, "Years"),
    h("option", { value: "quarter" }, "Quarters (event data)"),
    h("option", { value: "month" }, "Months (event data)"),
  );
  const range = rangeControl((from, to) => ctx.navigate({ from, to }, { replace: true }));
  const status = statusLine();
  const charts = h("div", { class: "charts" });
  // Change points and segment means from the API's trends block, on the line charts.
  const changesBox = h("input", {
    type: "checkbox",
    id: "show-changes",
    "data-focus": "show-changes",
  });
  changesBox.addEventListener("change", () =>
    ctx.navigate({ changes: changesBox.checked ? true : undefined }, { replace: true }),
  );
  const changesToggle = h(
    "p",
    { class: "changes-toggle" },
    h(
      "label",
      {
        title:
          "Change points (dotted lines, with their 95% intervals on hover) and the mean of each segment between them, from PELT with MBIC (docs/trends.md)",
      },
      changesBox,
      " show change points and segment means",
    ),
  );
  // Both states' blocs in the latest year with UN votes (GET /api/blocs, the same for every dyad),
  // shown under the charts.
  const blocsBox = h("section", {
    class: "dyad-blocs",
    "aria-labelledby": "dyad-blocs-title",
    hidden: true,
  });
  let blocsPromise: Promise<BlocsResult> | null = null;
  const tableWrap = h("div", { class: "table-wrap" });
  const provenance = h("aside", {
    class: "provenance",
    "aria-live": "polite",
    "aria-label": "Provenance",
  });
  const allBox = h("input", { type: "checkbox", id: "all-indicators" });
  const emptyBox = h("input", { type: "checkbox", id: "hide-empty", checked: true });
  allBox.addEventListener("change", () => {
    showAll = allBox.checked;
    drawTable();
  });
  emptyBox.addEventListener("change", () => {
    hideEmpty = emptyBox.checked;
    drawTable();
  });
  const tableSection = h(
    "section",
    { class: "values", "aria-labelledby": "values-title", hidden: true },
    h("h2", { id: "values-title" }, "Values and their provenance"),
    h(
      "p",
      { class: "table-options" },
      h("label", {}, allBox, " every indicator"),
      h("label", {}, emptyBox, " hide years without data"),
    ),
    h("div", { class: "values-layout" }, tableWrap, provenance),
  );

  root.replaceChildren(
    h(
      "section",
      { class: "view dyad", "aria-labelledby": "dyad-title" },
      h("h2", { id: "dyad-title", class: "visually-hidden" }, "Dyad"),
      h(
        "div",
        { class: "controls" },
        pickA.el,
        swap,
        pickB.el,
        h("div", { class: "field" }, h("label", { for: "period" }, "Rows"), period),
        range.el,
      ),
      status,
      changesToggle,
      charts,
      // Below the charts: the blocs arrive after them, and a box appearing above would move the
      // charts under the reader's pointer (a drag begun on one would end on another).
      blocsBox,
      tableSection,
    ),
  );

  const names = (): [string, string] =>
    data ? [data.dyad.a.name, data.dyad.b.name] : [st.a ?? "A", st.b ?? "B"];
  const shown = (): Set<string> => new Set(st.indicators ?? CHART_KEYS);
  const available = (): Map<string, IndicatorInfo> =>
    new Map((data?.indicators ?? []).map((i) => [i.name, i]));

  /** The zoomed x range: years, or for quarters and months the periods in those years. */
  function xRange(): { extent: [number, number]; x: [number, number]; step: number } {
    const rows = data?.rows ?? [];
    const xsWith = rows
      .filter((r) => CHART_KEYS.some((k) => typeof r[k] === "number"))
      .map((r) => rowX(r));
    const xs = (xsWith.length ? xsWith : rows.map((r) => rowX(r))).filter(
      (x): x is number => x !== null,
    );
    const extent: [number, number] = xs.length
      ? [Math.floor(Math.min(...xs)), Math.floor(Math.max(...xs))]
      : [0, 0];
    const [from, to] = zoom(st, extent);
    const step = stepOf(data?.period);
    return { extent, x: [from, to + 1 - step], step };
  }

  function toggle(key: string, on: boolean): void {
    const next = shown();
    if (on) next.add(key);
    else next.delete(key);
    const list = CHART_KEYS.filter((k) => next.has(k));
    ctx.navigate(
      { indicators: list.length === CHART_KEYS.length ? undefined : list },
      { replace: true },
    );
  }

  /** The change points and segment means of one indicator, from the trends block. */
  function changesOf(key: string): { changes?: SeriesChanges } {
    const t = data?.trends?.indicators.find((x) => x.name === key);
    if (!t || t.changepoints.length === 0 || !data) return {};
    const xOf = (i: number) => rowX(data?.rows[i] ?? {}) ?? Number.NaN;
    return {
      changes: {
        at: t.changepoints.map((c) => ({
          x: xOf(c.index),
          text: `change in ${c.time} (95% interval ${c.lowerTime}–${c.upperTime})`,
        })),
        means: t.segments.map((g) => ({ x0: xOf(g.start), x1: xOf(g.end), v: g.mean })),
      },
    };
  }

  function drawCharts(): void {
    if (!data) return;
    const [A, B] = names();
    const { extent, x, step } = xRange();
    range.set(extent[0], extent[1], x[0], Math.floor(x[1]));
    const on = shown();
    const have = available();
    const figures = GROUPS.map((g) => {
      const colour = (key: string, i: number) =>
        g.kind === "strip"
          ? ((key.startsWith("atop") ? PALETTE[0] : PALETTE[1]) as string)
          : (PALETTE[i % PALETTE.length] as string);
      const series: Series[] = g.keys
        .map((key, i) => ({ key, i }))
        .filter(({ key }) => on.has(key) && have.has(key))
        .map(({ key, i }) => ({
          key,
          label: label(key, A, B),
          color: colour(key, i),
          unit: have.get(key)?.unit ?? "",
          ...(st.changes && g.kind === "line" ? changesOf(key) : {}),
          points: (data?.rows ?? []).flatMap((row) => {
            const px = rowX(row);
            const v = row[key];
            if (px === null) return [];
            const value = typeof v === "number" ? v : null;
            const se = g.se?.[key] ? row[g.se[key]] : undefined;
            // A 95% band, value ± 1.96 standard errors, where the API gives the error.
            const band =
              value !== null && typeof se === "number"
                ? { lo: value - 1.96 * se, hi: value + 1.96 * se }
                : {};
            return [{ x: px, label: rowLabel(row), v: value, ...band }];
          }),
        }));
      const legend = h(
        "ul",
        { class: "legend" },
        ...g.keys.map((key, i) => {
          const box = h("input", {
            type: "checkbox",
            checked: on.has(key),
            disabled: !have.has(key),
            "data-key": key,
            "data-focus": `toggle-${key}`,
          });
          box.addEventListener("change", () => toggle(key, box.checked));
          return h(
            "li",
            {},
            h(
              "label",
              { title: have.get(key)?.description ?? "Not available for these rows" },
              box,
              swatch(colour(key, i)),
              label(key, A, B),
            ),
          );
        }),
      );
      const slot = h("div", { class: "chart-slot" });
      const render = (width: number) =>
        renderChart({
          title: `${g.title}: ${A} and ${B}`,
          kind: g.kind,
          axis: g.axis,
          series,
          x,
          step,
          onBrush: (from, to) => ctx.navigate({ from, to }, { replace: true }),
          onReset: () => ctx.navigate({ from: undefined, to: undefined }, { replace: true }),
          width,
        });
      // The components of an index in each year, so that a change of coverage is never silent.
      const coverage = g.coverage ? coverageRuns(data?.rows ?? [], g.coverage) : "";
      const figure = h(
        "figure",
        { class: `chart-card chart-${g.id}`, "data-group": g.id },
        h("figcaption", {}, h("h3", {}, g.title), legend),
        slot,
        coverage ? h("p", { class: "note coverage" }, `Components: ${coverage}`) : null,
      );
      return { figure, slot, render };
    });
    replace(charts, ...figures.map((f) => f.figure));
    // Measure once laid out, then draw each chart to its width. A group the answer has none of
    // (yearly indicators when rows are quarters or months) gets a note instead of an empty chart.
    const widths = figures.map((f) => f.slot.clientWidth);
    figures.forEach((f, i) => {
      const group = GROUPS[i];
      if (group && !group.keys.some((k) => have.has(k))) {
        f.slot.replaceWith(h("p", { class: "note" }, absentNote(group.id, data?.period)));
      } else f.slot.replaceWith(f.render(widths[i] ?? 0));
    });
  }

  /** Why a chart group has no series: ideal points say how to get them. */
  function absentNote(group: string, per: string | undefined): string {
    if (per !== "year") return `Yearly data: not available by ${per}. Choose Years to see it.`;
    if (group === "ideal" && idealPoints === "not_fitted") {
      return "UN ideal points are not fitted for the loaded votes. Run `entente ideal-points` once: it fits them (a few minutes for 1946–2015) and stores the result, and the dyad then shows both states' positions with 95% bands.";
    }
    if (group === "ideal" && idealPoints === "no_votes") {
      return "No UN votes are loaded: ideal points need Voeten's vote files (`entente ingest`), then `entente ideal-points`.";
    }
    return "The server's answer has none of these indicators.";
  }

  function drawTable(): void {
    if (!data) {
      replace(tableWrap);
      return;
    }
    const [A, B] = names();
    const have = available();
    const on = shown();
    const cols = showAll
      ? data.indicators.map((i) => i.name)
      : CHART_KEYS.filter((k) => on.has(k) && have.has(k));
    const { x } = xRange();
    const rows = data.rows
      .map((row, i) => ({ row, i, px: rowX(row) }))
      .filter(({ px }) => px !== null && px >= x[0] && px <= x[1])
      .filter(({ row }) => !hideEmpty || cols.some((k) => typeof row[k] === "number"));
    const hint = (key: string): string => {
      const info = have.get(key);
      return info ? `${key}: ${info.description} (${info.unit}). Source: ${info.source}` : key;
    };
    const table = h(
      "table",
      { class: "values-table" },
      h(
        "caption",
        {},
        `${A}–${B}, ${rowLabel(rows[0]?.row ?? {})}–${rowLabel(rows[rows.length - 1]?.row ?? {})}: ${rows.length} rows. Hover, focus or click a value for its provenance.`,
      ),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, data.period === "year" ? "Year" : "Period"),
          ...cols.map((key) =>
            h(
              "th",
              { scope: "col" },
              h(
                "button",
                { type: "button", class: "colhead", "data-key": key, title: hint(key) },
                label(key, A, B),
                h("small", {}, key),
              ),
            ),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map(({ row, i }) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, rowLabel(row)),
            ...cols.map((key) => {
              const v = row[key];
              const unit = have.get(key)?.unit ?? "";
              return h(
                "td",
                {},
                h(
                  "button",
                  {
                    type: "button",
                    class: typeof v === "number" ? "val" : "val null",
                    "data-key": key,
                    "data-i": i,
                    title: hint(key),
                  },
                  typeof v === "number" ? fmt(v, unit) : "–",
                ),
              );
            }),
          ),
        ),
      ),
    );
    const pick = (ev: Event) => {
      const btn = (ev.target as Element).closest<HTMLElement>("button[data-key]");
      if (!btn?.dataset.key) return null;
      const i = btn.dataset.i === undefined ? undefined : Number(btn.dataset.i);
      return i === undefined ? { key: btn.dataset.key } : { key: btn.dataset.key, i };
    };
    table.addEventListener("click", (ev) => {
      const p = pick(ev);
      if (!p) return;
      pinned = p;
      showProvenance(p);
    });
    for (const type of ["mouseover", "focusin"]) {
      table.addEventListener(type, (ev) => {
        const p = pick(ev);
        if (p) showProvenance(p);
      });
    }
    table.addEventListener("mouseleave", () => {
      if (pinned) showProvenance(pinned);
    });
    replace(tableWrap, table);
    if (!cols.length) replace(tableWrap, h("p", {}, "No indicator selected."));
    showProvenance(pinned ?? (cols[0] ? { key: cols[0] } : null));
  }

  let shownKey = "";
  function showProvenance(p: { key: string; i?: number } | null): void {
    if (!data || !p) {
      replace(provenance, h("p", {}, "Hover or click a value to see where it comes from."));
      return;
    }
    const id = `${p.key}|${p.i ?? ""}`;
    if (id === shownKey && provenance.childElementCount) return;
    shownKey = id;
    const [A, B] = names();
    const info = available().get(p.key);
    const row = p.i === undefined ? undefined : data.rows[p.i];
    const v = row?.[p.key];
    const components = row?.[`${p.key}_coverage`];
    const datasets = h("ul", { class: "datasets" }, h("li", {}, "Loading the dataset list…"));
    replace(
      provenance,
      h("h3", {}, label(p.key, A, B), " ", h("code", {}, p.key)),
      row
        ? h(
            "p",
            { class: "value" },
            `${A}–${B}, ${rowLabel(row)}: `,
            h("strong", {}, typeof v === "number" ? fmt(v, info?.unit) : "no data"),
            typeof components === "string" ? ` (components: ${components})` : "",
          )
        : null,
      info ? indicatorDetails(info) : h("p", {}, "This indicator is not in the server's answer."),
      h("h4", {}, "Dataset files loaded"),
      datasets,
    );
    Promise.all([ctx.indicators(), ctx.sources()]).then(
      ([codebook, sources]) => {
        if (shownKey !== id) return;
        const list = datasetsOf(p.key, codebook, sources);
        replace(
          datasets,
          ...(list.length ? list : []).map((s) =>
            h(
              "li",
              { class: s.loaded.files ? "loaded" : "absent" },
              h("strong", {}, s.title),
              ` — version ${s.version}. `,
              s.loaded.files
                ? `${s.loaded.files} file${s.loaded.files === 1 ? "" : "s"}, ${s.loaded.rows.toLocaleString("en-US")} rows${s.loaded.from === null ? "" : `, ${s.loaded.from}–${s.loaded.to}`}.`
                : "Not loaded.",
              h("br"),
              h("small", {}, s.citation),
              s.license ? h("small", {}, ` Licence: ${s.license}.`) : null,
              /^https?:\/\//.test(s.homepage)
                ? h(
                    "small",
                    {},
                    " ",
                    h("a", { href: s.homepage, rel: "noopener noreferrer" }, s.homepage),
                  )
                : null,
            ),
          ),
        );
        if (!list.length) replace(datasets, h("li", {}, "No dataset listed for this indicator."));
      },
      (e) => {
        if (shownKey === id) replace(datasets, h("li", {}, describeError(e)));
      },
    );
  }

  function drawBlocs(r: DyadResult, mine: number): void {
    blocsPromise ??= api.blocs();
    blocsPromise.catch(() => {
      blocsPromise = null;
    });
    blocsPromise.then(
      (res) => {
        if (mine !== seq) return;
        const sideOf = (x: DyadResult["dyad"]["a"]) => {
          const bloc = res.blocs.find((b) => b.members.some((m) => m.ccode === x.ccode));
          const member = bloc?.members.find((m) => m.ccode === x.ccode);
          return { x, bloc, member };
        };
        const sides = [sideOf(r.dyad.a), sideOf(r.dyad.b)];
        const line = ({ x, bloc, member }: (typeof sides)[number]) =>
          h(
            "li",
            { "data-ccode": x.ccode, "data-bloc": bloc?.id ?? null },
            bloc ? swatch(blocColour(bloc.id, bloc.members.length)) : null,
            h("strong", {}, x.name),
            !bloc || !member
              ? `: cast no UN vote in ${res.year}`
              : bloc.members.length === 1
                ? ": alone (a bloc of its own: no tie the runs agree on)"
                : `: bloc ${bloc.id}, ${bloc.label}, ${bloc.members.length} states; stability ${member.stability.toFixed(2)}`,
          );
        const [sa, sb] = sides as [(typeof sides)[number], (typeof sides)[number]];
        replace(
          blocsBox,
          h(
            "h3",
            { id: "dyad-blocs-title" },
            `Blocs in ${res.year}, by ${res.measure} of UN votes`,
          ),
          h("ul", {}, line(sa), line(sb)),
          h(
            "p",
            { class: "note" },
            sa.bloc && sb.bloc
              ? `${sa.x.name} and ${sb.x.name} are ${sa.bloc === sb.bloc ? "in the same bloc" : "not in the same bloc"} in ${res.year}. A bloc is a group found in the network of all states, not a pairwise tie: the UN chart below shows the pair itself. `
              : "",
            h(
              "a",
              {
                href: formatState({
                  view: "blocs",
                  year: res.year,
                  ...(res.measure === "kappa" ? {} : { measure: res.measure }),
                  states: [stateCode(r.dyad.a), stateCode(r.dyad.b)],
                }),
              },
              `See the blocs of ${res.year} and both states' blocs over the years`,
            ),
          ),
        );
        blocsBox.hidden = false;
      },
      (e: unknown) => {
        if (mine !== seq) return;
        replace(blocsBox, h("p", { class: "note" }, `Blocs: ${describeError(e)}`));
        blocsBox.hidden = false;
      },
    );
  }

  async function load(a: string, b: string): Promise<void> {
    const mine = ++seq;
    setStatus(status, `Loading ${a}–${b}…`);
    try {
      const [r, health] = await Promise.all([
        api.dyad(a, b, st.period ? { period: st.period } : {}),
        ctx.health().catch(() => null),
      ]);
      if (mine !== seq) return;
      idealPoints = health?.ideal_points;
      data = r;
      pinned = null;
      shownKey = "";
      pickA.set(r.dyad.a);
      pickB.set(r.dyad.b);
      setStatus(
        status,
        `${r.dyad.a.name}–${r.dyad.b.name}: ${dataSpan(r)}. Drag across a chart to zoom, double-click to see every year.`,
      );
      draw();
      drawBlocs(r, mine);
    } catch (e) {
      if (mine !== seq) return;
      blocsBox.hidden = true;
      data = null;
      requested = "";
      tableSection.hidden = true;
      replace(charts);
      setStatus(status, describeError(e), "error");
    }
  }

  function draw(): void {
    tableSection.hidden = !data;
    keepFocus(() => {
      drawCharts();
      drawTable();
    });
  }

  function update(next: AppState): void {
    st = next;
    changesBox.checked = st.changes === true;
    period.value = st.period ?? "year";
    if (!st.a || !st.b) {
      data = null;
      requested = "";
      blocsBox.hidden = true;
      pickA.set(st.a);
      pickB.set(st.b);
      tableSection.hidden = true;
      replace(charts);
      replace(
        status,
        "Choose two states to compare, or open an example: ",
        ...EXAMPLES.flatMap(([a, b, name], i) => [
          i ? ", " : "",
          h("a", { href: formatState({ view: "dyad", a, b }) }, name),
        ]),
        ".",
      );
      return;
    }
    const key = `${st.a}|${st.b}|${st.period ?? "year"}`;
    if (key !== requested) {
      requested = key;
      if (!data || stateCode(data.dyad.a) !== st.a) pickA.set(st.a);
      if (!data || stateCode(data.dyad.b) !== st.b) pickB.set(st.b);
      void load(st.a, st.b);
    } else if (data) draw();
  }

  const onResize = debounce(() => {
    if (data && !root.hidden) draw();
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
