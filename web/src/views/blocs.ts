/**
 * Blocs: a year's agreement matrix ordered by bloc (a canvas: about 190 × 190 cells), with a year
 * slider and the measure, and a timeline of chosen states' blocs over the years. Both have a text
 * alternative: the blocs with their members, and each state's runs of years per bloc.
 */
import { api, type BlocMatrix, describeError, type StateTimeline } from "../api.js";
import { swatch, tooltip } from "../chart.js";
import { debounce, h, replace, s, uid } from "../dom.js";
import { fmt, ticks } from "../format.js";
import { countryPicker, stateCode } from "../picker.js";
import type { AppState } from "../state.js";
import { type Context, rangeControl, setStatus, statusLine, type ViewHandle } from "./common.js";

export const BLOC_MEASURES: ReadonlyArray<readonly [string, string]> = [
  ["kappa", "Cohen's κ (default)"],
  ["pi", "Scott's π"],
  ["agree", "Agreement (not chance-corrected)"],
  ["ideal", "UN ideal points (needs a fit)"],
  ["alignment", "Net alignment index"],
];
export const DEFAULT_TIMELINE_STATES = ["RUS", "CHN"];

/** Bloc colours: Okabe–Ito and Tol's muted colours, no black; a state alone is grey. */
export const BLOC_COLOURS = [
  "#0072b2",
  "#d55e00",
  "#009e73",
  "#cc79a7",
  "#e69f00",
  "#56b4e9",
  "#999933",
  "#882255",
  "#44aa99",
  "#332288",
];
export const ALONE_COLOUR = "#b0b0b0";
const BETWEEN = [88, 96, 108] as const;

export const blocColour = (id: number, size: number): string =>
  size <= 1 ? ALONE_COLOUR : (BLOC_COLOURS[(id - 1) % BLOC_COLOURS.length] as string);

const rgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/** A colour at strength t (0 white … 1 full). */
const shade = (c: readonly [number, number, number], t: number): string => {
  const k = Math.max(0, Math.min(1, t));
  const mix = (x: number) => Math.round(255 - (255 - x) * k);
  return `rgb(${mix(c[0])},${mix(c[1])},${mix(c[2])})`;
};

const MEASURE_WORD: Record<string, string> = {
  kappa: "κ",
  pi: "π",
  agree: "agreement",
  ideal: "ideal-point similarity",
  alignment: "net alignment",
};

/**
 * Colours of the timeline's bloc ids, in order of first appearance (by year), so that the few
 * blocs a timeline shows get distinct colours whatever their ids; beyond ten blocs they repeat.
 */
export function timelineColours(rows: StateTimeline["rows"]): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of [...rows].sort((p, q) => p.year - q.year || p.ccode - q.ccode)) {
    if (r.size > 1 && !out.has(r.bloc)) {
      out.set(r.bloc, BLOC_COLOURS[out.size % BLOC_COLOURS.length] as string);
    }
  }
  return out;
}

/** Runs of consecutive covered years in the same bloc: "1946–1953: bloc 3 (USA, GBR +20)". */
export function blocRuns(
  rows: StateTimeline["rows"],
  years: readonly number[],
): Array<{ from: number; to: number; bloc: number; label: string; size: number }> {
  const at = new Map(years.map((y, i) => [y, i]));
  const out: Array<{ from: number; to: number; bloc: number; label: string; size: number }> = [];
  let prev: number | undefined;
  for (const r of [...rows].sort((p, q) => p.year - q.year)) {
    const last = out[out.length - 1];
    const i = at.get(r.year);
    if (last && last.bloc === r.bloc && i !== undefined && prev !== undefined && i === prev + 1) {
      last.to = r.year;
      last.label = r.label;
      last.size = r.size;
    } else out.push({ from: r.year, to: r.year, bloc: r.bloc, label: r.label, size: r.size });
    prev = i;
  }
  return out;
}

export function blocsView(root: HTMLElement, ctx: Context, initial: AppState): ViewHandle {
  let st = initial;
  let years: number[] = [];
  let yearsFor = "";
  let matrix: BlocMatrix | null = null;
  let timeline: StateTimeline | null = null;
  let matrixKey = "";
  let timelineKey = "";
  let seqM = 0;
  let seqT = 0;

  const measure = () => st.measure ?? "kappa";
  const states = () => st.states ?? DEFAULT_TIMELINE_STATES;

  const measureSelect = h(
    "select",
    { id: "bloc-measure" },
    ...BLOC_MEASURES.map(([v, l]) => h("option", { value: v }, l)),
  );
  measureSelect.addEventListener("change", () =>
    ctx.navigate({ measure: measureSelect.value === "kappa" ? undefined : measureSelect.value }),
  );
  const sliderId = uid("bloc-year");
  const slider = h("input", {
    id: sliderId,
    type: "range",
    min: 0,
    max: 0,
    step: 1,
    class: "bloc-year",
  });
  const yearOut = h("output", { for: sliderId, class: "years" });
  const goYear = (replaceEntry: boolean) => {
    const y = years[Number(slider.value)];
    if (y !== undefined && y !== st.year) ctx.navigate({ year: y }, { replace: replaceEntry });
  };
  const goYearSoon = debounce(() => goYear(true), 250);
  slider.addEventListener("input", () => {
    yearOut.textContent = String(years[Number(slider.value)] ?? "");
    slider.setAttribute("aria-valuetext", yearOut.textContent);
    goYearSoon();
  });
  slider.addEventListener("change", () => goYear(true));

  const status = statusLine();
  const matrixTitle = h("h3", {}, "Agreement matrix");
  const matrixSlot = h("div", { class: "bloc-matrix-slot" });
  const legend = h("ul", { class: "legend bloc-legend", "aria-label": "Blocs" });
  const matrixText = h("div", { class: "bloc-text" });

  const chips = h("ul", { class: "chips", "aria-label": "States on the timeline" });
  const picker = countryPicker("Add a state", (x) => {
    const code = stateCode(x);
    picker.set(undefined);
    if (!states().includes(code)) ctx.navigate({ states: [...states(), code] });
  });
  const range = rangeControl((from, to) => ctx.navigate({ from, to }, { replace: true }));
  const timelineStatus = statusLine();
  const timelineSlot = h("div", { class: "timeline-slot" });
  const timelineText = h("div", { class: "bloc-text" });

  root.replaceChildren(
    h(
      "section",
      { class: "view blocs", "aria-labelledby": "blocs-title" },
      h("h2", { id: "blocs-title" }, "Blocs"),
      h(
        "p",
        { class: "note" },
        "Groups of states that vote alike in the UN General Assembly in a year: communities in the network of all states (a consensus of 50 seeded Louvain runs; negative similarities are no tie). A bloc is a group, not a set of pairwise ties. Method and caveats: docs/blocs.md.",
      ),
      h(
        "div",
        { class: "controls" },
        h("div", { class: "field" }, h("label", { for: "bloc-measure" }, "Measure"), measureSelect),
        h(
          "fieldset",
          { class: "range bloc-year-field" },
          h("legend", {}, "Year"),
          h("label", { for: sliderId, class: "visually-hidden" }, "Year of the matrix"),
          slider,
          yearOut,
        ),
      ),
      status,
      h(
        "figure",
        { class: "chart-card bloc-matrix-card" },
        h(
          "figcaption",
          {},
          matrixTitle,
          h(
            "p",
            { class: "note" },
            "States ordered bloc by bloc (largest first; members largest first). A cell inside a bloc's square has the bloc's colour, between blocs grey; the darker, the higher the pair's value relative to the year's highest. White: zero or below (no tie); light grey: no value. Hover a cell for the pair.",
          ),
          legend,
        ),
        matrixSlot,
        h("details", { class: "bloc-details" }, h("summary", {}, "The blocs as text"), matrixText),
      ),
      h(
        "section",
        { class: "chart-card bloc-timeline-card", "aria-labelledby": "bloc-timeline-title" },
        h("h3", { id: "bloc-timeline-title" }, "Bloc timeline"),
        h(
          "p",
          { class: "note" },
          "Each state's bloc per year, one colour per bloc id. A bloc keeps its id from year to year while most of its members stay (Jaccard overlap ≥ 0.3), counted from the first year shown, so these ids and colours are not those of the matrix, whose blocs are numbered by size within their year. Grey: alone.",
        ),
        chips,
        h("div", { class: "controls add" }, picker.el, range.el),
        timelineStatus,
        timelineSlot,
        h(
          "details",
          { class: "bloc-details" },
          h("summary", {}, "The timeline as text"),
          timelineText,
        ),
      ),
    ),
  );

  // ---- the matrix ------------------------------------------------------------------------

  function drawMatrix(): void {
    const m = matrix;
    if (!m) {
      replace(matrixSlot);
      replace(legend);
      replace(matrixText);
      return;
    }
    const n = m.states.length;
    const word = MEASURE_WORD[m.measure] ?? m.measure;
    matrixTitle.textContent = `Agreement matrix, ${m.year}, by ${word}: ${n} states in ${m.blocs.filter((b) => b.size > 1).length} blocs`;
    const strip = 8;
    const avail = Math.max(240, Math.min(matrixSlot.clientWidth || 760, 900));
    const cell = Math.max(1, Math.floor((avail - strip - 2) / Math.max(1, n)));
    const side = strip + 2 + cell * n;
    const canvas = h("canvas", {
      class: "bloc-matrix",
      width: side,
      height: side,
      role: "img",
      "aria-label": `${matrixTitle.textContent}. ${m.blocs
        .filter((b) => b.size > 1)
        .map((b) => `Bloc ${b.id}, ${b.label}: ${b.size} states`)
        .join("; ")}. The blocs as text follow the figure.`,
      "data-n": n,
      "data-cell": cell,
      "data-offset": strip + 2,
    });
    canvas.style.width = `${side}px`;
    canvas.style.height = `${side}px`;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(side * dpr);
    canvas.height = Math.round(side * dpr);
    const g = canvas.getContext("2d");
    const sizeOf = new Map(m.blocs.map((b) => [b.id, b.size]));
    const colourOf = (i: number) => {
      const x = m.states[i];
      return x ? blocColour(x.bloc, sizeOf.get(x.bloc) ?? 1) : ALONE_COLOUR;
    };
    if (g) {
      g.scale(dpr, dpr);
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, side, side);
      let max = 0;
      for (const row of m.values) for (const v of row) if (v !== null && v > max) max = v;
      const o = strip + 2;
      for (let i = 0; i < n; i++) {
        g.fillStyle = colourOf(i);
        g.fillRect(0, o + i * cell, strip, cell);
        g.fillRect(o + i * cell, 0, cell, strip);
        const bi = m.states[i]?.bloc;
        const row = m.values[i] ?? [];
        for (let j = 0; j < n; j++) {
          const v = row[j] ?? null;
          if (i === j) continue;
          if (v === null) g.fillStyle = "#e6e6e6";
          else if (v <= 0 || max <= 0) continue;
          else {
            const same = m.states[j]?.bloc === bi && (sizeOf.get(bi ?? 0) ?? 1) > 1;
            g.fillStyle = shade(same ? rgb(colourOf(i)) : BETWEEN, v / max);
          }
          g.fillRect(o + j * cell, o + i * cell, cell, cell);
        }
      }
      // Each bloc's square on the diagonal, outlined.
      g.strokeStyle = "#1d232b";
      g.lineWidth = 1;
      let start = 0;
      for (const b of m.blocs) {
        if (b.size > 1)
          g.strokeRect(
            o + start * cell + 0.5,
            o + start * cell + 0.5,
            b.size * cell - 1,
            b.size * cell - 1,
          );
        start += b.size;
      }
    }
    const hit = (ev: MouseEvent): [number, number] | null => {
      const r = canvas.getBoundingClientRect();
      const o = strip + 2;
      const j = Math.floor((ev.clientX - r.left - o) / cell);
      const i = Math.floor((ev.clientY - r.top - o) / cell);
      return i >= 0 && j >= 0 && i < n && j < n ? [i, j] : null;
    };
    canvas.addEventListener("mousemove", (ev) => {
      const p = hit(ev);
      if (!p) {
        tooltip.hide();
        return;
      }
      const [i, j] = p;
      const a = m.states[i];
      const b = m.states[j];
      if (!a || !b) return;
      const v = m.values[i]?.[j] ?? null;
      const label = (x: typeof a) => {
        const bl = m.blocs.find((q) => q.id === x.bloc);
        return bl && bl.size > 1
          ? `${x.name}: bloc ${x.bloc} (${bl.label}), stability ${x.stability.toFixed(2)}`
          : `${x.name}: alone`;
      };
      tooltip.lines(ev.clientX, ev.clientY, i === j ? a.name : `${a.name} – ${b.name}`, [
        i === j
          ? `${m.year}`
          : `${word} ${m.year}: ${v === null ? "no value (fewer than 5 joint roll calls)" : fmt(v)}`,
        label(a),
        ...(i === j ? [] : [label(b)]),
      ]);
    });
    canvas.addEventListener("mouseleave", () => tooltip.hide());
    replace(matrixSlot, canvas);

    replace(
      legend,
      ...m.blocs
        .filter((b) => b.size > 1)
        .map((b) =>
          h(
            "li",
            { "data-bloc": b.id, "data-colour": blocColour(b.id, b.size) },
            swatch(blocColour(b.id, b.size)),
            `Bloc ${b.id}: ${b.label} (${b.size})`,
          ),
        ),
      m.blocs.some((b) => b.size === 1)
        ? h(
            "li",
            { "data-bloc": "alone", "data-colour": ALONE_COLOUR },
            swatch(ALONE_COLOUR),
            `Alone: ${m.blocs.filter((b) => b.size === 1).length} states`,
          )
        : null,
    );
    const members = (id: number) => m.states.filter((x) => x.bloc === id);
    const alone = m.blocs.filter((b) => b.size === 1).flatMap((b) => members(b.id));
    replace(
      matrixText,
      h(
        "p",
        {},
        `${m.year}, ${word}: modularity ${m.modularity === null ? "– (no positive tie)" : m.modularity.toFixed(3)}. Members largest first; stability (share of runs that put the state with each fellow member) in brackets when below 0.9.`,
      ),
      h(
        "ul",
        {},
        ...m.blocs
          .filter((b) => b.size > 1)
          .map((b) =>
            h(
              "li",
              { "data-bloc": b.id },
              h("strong", {}, `Bloc ${b.id}, ${b.label} (${b.size} states): `),
              members(b.id)
                .map((x) => `${x.name}${x.stability < 0.9 ? ` (${x.stability.toFixed(2)})` : ""}`)
                .join(", "),
            ),
          ),
        alone.length
          ? h(
              "li",
              {},
              h("strong", {}, `Alone (${alone.length}): `),
              alone.map((x) => x.name).join(", "),
              ". No positive tie, or none the runs agree on: often a state that voted the same way on every roll call (kappa is then 0 with everyone).",
            )
          : null,
      ),
    );
  }

  async function loadMatrix(): Promise<void> {
    const mine = ++seqM;
    const ms = measure();
    try {
      if (yearsFor !== ms) {
        setStatus(status, `Finding the years ${ms} covers…`);
        const r = await api.blocYears(ms);
        if (mine !== seqM) return;
        years = r.years;
        yearsFor = ms;
      }
      if (!years.length) throw new Error(`No year has ${ms} data in this store.`);
      const year =
        st.year !== undefined && years.includes(st.year) ? st.year : (years.at(-1) as number);
      slider.max = String(years.length - 1);
      slider.value = String(years.indexOf(year));
      yearOut.textContent = String(year);
      slider.setAttribute("aria-valuetext", String(year));
      setStatus(status, `Computing the blocs of ${year} by ${ms}…`);
      const m = await api.blocMatrix({ year, ...(ms === "kappa" ? {} : { measure: ms }) });
      if (mine !== seqM) return;
      matrix = m;
      setStatus(
        status,
        `${m.year}: ${m.states.length} states; ${m.blocs.filter((b) => b.size > 1).length} blocs and ${m.blocs.filter((b) => b.size === 1).length} states alone. Slide the year or use the arrow keys on the slider.`,
      );
      drawMatrix();
      // A year the measure does not cover (1964 has no roll call) is shown as the one chosen.
      if (st.year !== undefined && st.year !== year) {
        matrixKey = `${ms}|${year}`;
        ctx.navigate({ year }, { replace: true });
      }
    } catch (e) {
      if (mine !== seqM) return;
      matrix = null;
      matrixKey = "";
      drawMatrix();
      setStatus(status, describeError(e), "error");
    }
  }

  // ---- the timeline ----------------------------------------------------------------------

  function drawChips(): void {
    const names = new Map((timeline?.states ?? []).map((x) => [stateCode(x), x.name]));
    replace(
      chips,
      ...states().map((code) => {
        const name = names.get(code) ?? code;
        const remove = h(
          "button",
          { type: "button", class: "remove", title: `Remove ${name}` },
          "×",
        );
        remove.setAttribute("aria-label", `Remove ${name}`);
        remove.addEventListener("click", () =>
          ctx.navigate({ states: states().filter((x) => x !== code) }),
        );
        return h("li", { class: "chip", "data-code": code }, name, remove);
      }),
    );
  }

  function drawTimeline(): void {
    drawChips();
    const t = timeline;
    if (!t) {
      replace(timelineSlot);
      replace(timelineText);
      return;
    }
    const W = Math.max(480, Math.min(timelineSlot.clientWidth || 900, 1400));
    const M = { l: 150, r: 12, t: 6, b: 26 };
    const ROW = 22;
    const H = M.t + t.states.length * ROW + M.b;
    const lo = t.from - 0.5;
    const hi = t.to + 0.5;
    const sx = (x: number) => M.l + ((x - lo) / (hi - lo)) * (W - M.l - M.r);
    const band = sx(1) - sx(0);
    const colour = timelineColours(t.rows);
    const titleId = uid("timeline-title");
    const descId = uid("timeline-desc");
    const svg = s("svg", {
      class: "chart bloc-timeline",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
    });
    const runsOf = (c: number) =>
      blocRuns(
        t.rows.filter((r) => r.ccode === c),
        t.years,
      );
    svg.append(
      s(
        "title",
        { id: titleId },
        `Blocs of ${t.states.map((x) => x.name).join(", ")}, ${t.from}–${t.to}, by ${MEASURE_WORD[t.measure] ?? t.measure}`,
      ),
      s(
        "desc",
        { id: descId },
        t.states
          .map(
            (x) =>
              `${x.name}: ${
                runsOf(x.ccode)
                  .map((r) => `bloc ${r.bloc} ${r.from === r.to ? r.from : `${r.from}–${r.to}`}`)
                  .join(", ") || "no votes"
              }`,
          )
          .join(". "),
      ),
    );
    const axes = s("g", { class: "axis", "aria-hidden": "true" });
    const marks = s("g", { class: "marks" });
    svg.append(axes, marks);
    const xt = ticks(t.from, t.to, Math.max(2, Math.floor((W - M.l) / 70)));
    for (const v of xt.values) {
      if (v < t.from || v > t.to || !Number.isInteger(v)) continue;
      axes.append(
        s("line", { x1: sx(v), x2: sx(v), y1: H - M.b, y2: H - M.b + 4, class: "tick" }),
        s("text", { x: sx(v), y: H - M.b + 16, "text-anchor": "middle" }, String(v)),
      );
    }
    t.states.forEach((x, i) => {
      const y = M.t + i * ROW;
      axes.append(s("text", { x: M.l - 6, y: y + ROW / 2 + 4, "text-anchor": "end" }, x.name));
      for (const r of t.rows) {
        if (r.ccode !== x.ccode) continue;
        marks.append(
          s("rect", {
            class: "mark cell",
            x: (sx(r.year) - band / 2 + 0.5).toFixed(1),
            y: y + 2,
            width: Math.max(1, band - 1).toFixed(1),
            height: ROW - 4,
            fill: r.size > 1 ? (colour.get(r.bloc) as string) : ALONE_COLOUR,
            "data-code": stateCode(x),
            "data-year": r.year,
            "data-bloc": r.bloc,
          }),
        );
      }
    });
    svg.addEventListener("mousemove", (ev) => {
      const r = svg.getBoundingClientRect();
      const px = ((ev.clientX - r.left) * W) / (r.width || W);
      const py = ((ev.clientY - r.top) * H) / (r.height || H);
      const year = Math.round(lo + ((px - M.l) / (W - M.l - M.r)) * (hi - lo));
      const x = t.states[Math.floor((py - M.t) / ROW)];
      const row = x && t.rows.find((q) => q.ccode === x.ccode && q.year === year);
      if (!x || px < M.l) {
        tooltip.hide();
        return;
      }
      tooltip.lines(
        ev.clientX,
        ev.clientY,
        `${x.name}, ${year}`,
        row
          ? [
              row.size > 1 ? `bloc ${row.bloc}: ${row.label}` : "alone (a bloc of its own)",
              `${row.size} member${row.size === 1 ? "" : "s"}; stability ${row.stability.toFixed(2)}`,
            ]
          : [t.years.includes(year) ? "no vote this year" : "no roll call this year"],
      );
    });
    svg.addEventListener("mouseleave", () => tooltip.hide());
    replace(timelineSlot, svg);
    replace(
      timelineText,
      h(
        "ul",
        {},
        ...t.states.map((x) =>
          h(
            "li",
            { "data-code": stateCode(x) },
            h("strong", {}, `${x.name}: `),
            runsOf(x.ccode)
              .map(
                (r) =>
                  `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.size > 1 ? `bloc ${r.bloc} (${r.label})` : "alone"}`,
              )
              .join("; ") || "no votes in these years",
          ),
        ),
      ),
    );
  }

  async function loadTimeline(): Promise<void> {
    const mine = ++seqT;
    const list = states();
    if (!list.length) {
      timeline = null;
      drawTimeline();
      setStatus(timelineStatus, "Add a state to follow its blocs over the years.");
      return;
    }
    const ms = measure();
    setStatus(
      timelineStatus,
      `Computing the blocs of every year for ${list.join(", ")} (a few seconds per decade the first time; answers are kept)…`,
    );
    try {
      const t = await api.blocTimeline({
        states: list,
        ...(st.from === undefined ? {} : { from: st.from }),
        ...(st.to === undefined ? {} : { to: st.to }),
        ...(ms === "kappa" ? {} : { measure: ms }),
      });
      if (mine !== seqT) return;
      timeline = t;
      if (years.length && yearsFor === ms) {
        range.set(years[0] as number, years.at(-1) as number, t.from, t.to);
      } else range.set(t.from, t.to, t.from, t.to);
      setStatus(
        timelineStatus,
        `${t.from}–${t.to}, ${t.years.length} years with votes. Hover a year for its bloc.`,
      );
      drawTimeline();
    } catch (e) {
      if (mine !== seqT) return;
      timeline = null;
      timelineKey = "";
      drawTimeline();
      setStatus(timelineStatus, describeError(e), "error");
    }
  }
  const loadTimelineSoon = debounce(() => void loadTimeline(), 400);

  function update(next: AppState): void {
    st = next;
    measureSelect.value = measure();
    const mk = `${measure()}|${st.year ?? ""}`;
    if (mk !== matrixKey) {
      matrixKey = mk;
      void loadMatrix();
    } else drawMatrix();
    const tk = `${measure()}|${states().join(",")}|${st.from ?? ""}|${st.to ?? ""}`;
    if (tk !== timelineKey) {
      const first = timelineKey === "";
      timelineKey = tk;
      drawChips();
      if (first) void loadTimeline();
      else loadTimelineSoon();
    } else drawTimeline();
  }

  const onResize = debounce(() => {
    if (root.hidden) return;
    drawMatrix();
    drawTimeline();
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
