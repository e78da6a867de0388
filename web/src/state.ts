/**
 * The view's state lives in the URL fragment (`#view=dyad&a=RUS&b=CHN&from=1990&to=2020`), so a
 * link reproduces what its sender saw and reload restores the view.
 */
/** The unit of a dyad's rows (the API's `period`). */
export type Period = "year" | "quarter" | "month";

export const VIEWS = ["dyad", "compare", "blocs", "ach"] as const;
export type View = (typeof VIEWS)[number];

export interface AppState {
  readonly view: View;
  /** The dyad's states as the user chose them (ISO3 or COW code). */
  readonly a?: string | undefined;
  readonly b?: string | undefined;
  /** Zoom: first and last year shown. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly period?: Period | undefined;
  /** Dyad view: the indicators shown (absent: all). */
  readonly indicators?: readonly string[] | undefined;
  /** Dyad view: change points and segment means drawn on the line charts. */
  readonly changes?: boolean | undefined;
  /** Comparison view: the dyads ("RUS-CHN") and the one indicator compared. */
  readonly dyads?: readonly string[] | undefined;
  readonly indicator?: string | undefined;
  /** ACH editor: the case's name. */
  readonly case?: string | undefined;
  /** Blocs view: the year of the matrix (absent: the last year the measure covers). */
  readonly year?: number | undefined;
  /** Blocs view: the similarity measure (absent: kappa). */
  readonly measure?: string | undefined;
  /** Blocs view: the states of the timeline (absent: Russia and China). */
  readonly states?: readonly string[] | undefined;
}

const int = (v: string | null): number | undefined => {
  if (v === null || !/^-?\d{1,4}$/.test(v)) return undefined;
  return Number(v);
};
const list = (v: string | null): string[] | undefined =>
  v === null ? undefined : v.split(",").filter((x) => x !== "");
const str = (v: string | null): string | undefined => (v === null || v === "" ? undefined : v);

export function parseState(params: URLSearchParams): AppState {
  const view = params.get("view");
  const period = params.get("period");
  return {
    view: (VIEWS as readonly string[]).includes(view ?? "") ? (view as View) : "dyad",
    a: str(params.get("a")),
    b: str(params.get("b")),
    from: int(params.get("from")),
    to: int(params.get("to")),
    period: period === "quarter" || period === "month" ? period : undefined,
    indicators: list(params.get("indicators")),
    changes: params.get("changes") === "1" ? true : undefined,
    dyads: list(params.get("dyads")),
    indicator: str(params.get("indicator")),
    case: str(params.get("case")),
    year: int(params.get("year")),
    measure: str(params.get("measure")),
    states: list(params.get("states")),
  };
}

/** The fragment for a state, keys in a fixed order, empty values left out. */
export function formatState(st: AppState): string {
  const p = new URLSearchParams();
  const put = (k: string, v: string | number | readonly string[] | undefined) => {
    if (v === undefined) return;
    const t = Array.isArray(v) ? v.join(",") : String(v);
    if (t !== "" || Array.isArray(v)) p.set(k, t);
  };
  put("view", st.view);
  put("a", st.a);
  put("b", st.b);
  put("from", st.from);
  put("to", st.to);
  put("period", st.period);
  put("indicators", st.indicators);
  put("changes", st.changes ? 1 : undefined);
  put("dyads", st.dyads);
  put("indicator", st.indicator);
  put("case", st.case);
  put("year", st.year);
  put("measure", st.measure);
  put("states", st.states);
  // Commas and slashes read better unescaped and are safe in a fragment.
  return `#${p.toString().replace(/%2C/gi, ",")}`;
}

export const hashParams = (hash: string): URLSearchParams =>
  new URLSearchParams(hash.replace(/^#/, ""));
