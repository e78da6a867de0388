/**
 * The Entente HTTP API (`entente serve`): typed calls, the bearer token, and errors that say
 * what went wrong in words a user can act on.
 */
import type { z } from "zod";
// The response types are the server's own (type-only imports: nothing of src/ is bundled), so the
// dashboard's idea of an answer cannot drift from what `entente serve` sends.
import type {
  AssessResult as Assessment,
  BindingResult as BindingOutcome,
} from "../../src/assess/assess.js";
import type { CaseProblem } from "../../src/assess/case-file.js";
import type {
  CaseDoc as CaseDocument,
  CaseSaved,
  CaseSummary,
} from "../../src/assess/case-store.js";
import type { BlocsResult } from "../../src/blocs/blocs.js";
import type { BlocMatrix } from "../../src/blocs/matrix.js";
import type { StateTimeline } from "../../src/blocs/state-timeline.js";
// A state as /api/countries answers it (with the alias that matched); a dyad's states are the same
// without `matched`.
import type { CountryHit as StateRef } from "../../src/core/country-search.js";
import type { DyadResult, DyadRow } from "../../src/frames/dyad-result.js";
import type { HealthBody } from "../../src/server/schemas.js";
import type { SourceDescription as SourceInfo } from "../../src/sources/describe.js";
import type { Period } from "./state.js";

export type {
  Assessment,
  BindingOutcome,
  BlocMatrix,
  BlocsResult,
  CaseDocument,
  CaseProblem,
  CaseSaved,
  CaseSummary,
  DyadResult,
  DyadRow,
  SourceInfo,
  StateRef,
  StateTimeline,
};
export type IndicatorInfo = DyadResult["indicators"][number];
/** /api/health has no library type: the route's documented body is the shape. */
export type Health = z.infer<typeof HealthBody>;
export type CaseVersion = CaseDocument["version"];

/** The server answered with an error (4xx/5xx), or with something that is not the API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly CaseProblem[] = [],
  ) {
    super(message);
  }
}

/** No answer at all: the server is down, unreachable, or the page was not opened through it. */
export class NetworkError extends Error {}

const TOKEN_KEY = "entente.token";

/** Take `token` out of the URL fragment into sessionStorage (once), so it is not shared in links. */
export function adoptToken(params: URLSearchParams): void {
  const t = params.get("token");
  if (t === null) return;
  params.delete("token");
  try {
    sessionStorage.setItem(TOKEN_KEY, t);
  } catch {
    memoryToken = t;
  }
}
let memoryToken: string | null = null;

function token(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

/** The page's directory: API paths are relative to it, so the dashboard works at / or under a prefix. */
const base = (): string => new URL("./", document.baseURI).href;

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  const t = token();
  if (t) headers.set("Authorization", `Bearer ${t}`);
  let res: Response;
  try {
    res = await fetch(new URL(path, base()), { ...init, headers });
  } catch (e) {
    throw new NetworkError(
      `Cannot reach the Entente server (${(e as Error).message}). Start it with \`entente serve\` and open the address it prints.`,
    );
  }
  const type = res.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await res.json().catch(() => null) : null;
  if (!res.ok || body === null) {
    const err = (
      body as {
        error?: { code?: string; message?: string; hint?: string; problems?: CaseProblem[] };
      }
    )?.error;
    if (res.status === 401 || res.status === 403) {
      throw new ApiError(
        res.status,
        err?.code ?? "unauthorized",
        "This server needs a token: open the dashboard with the link `entente serve` printed (it ends in #token=…).",
      );
    }
    if (!err) {
      throw new ApiError(
        res.status,
        "not_api",
        `Cannot reach the Entente API here (HTTP ${res.status} for ${path}). Open the dashboard through \`entente serve\`.`,
      );
    }
    // The hint is the fix ("Closest matches: Russia (cow:365)"): shown with the message.
    const message = err.message ?? `HTTP ${res.status}`;
    throw new ApiError(
      res.status,
      err.code ?? "error",
      err.hint ? `${message.replace(/\.$/, "")}. ${err.hint}` : message,
      err.problems ?? [],
    );
  }
  return body as T;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A list answered bare (`[...]`) or wrapped (`{"countries": [...]}`). */
const listOf =
  <T>(key: string) =>
  (body: T[] | Record<string, T[]>): T[] =>
    Array.isArray(body) ? body : (body[key] ?? []);

export const api = {
  health: () => request<Health>("api/health"),
  countries: (q: string, signal?: AbortSignal) =>
    request<StateRef[] | Record<string, StateRef[]>>(
      `api/countries${query({ q })}`,
      signal ? { signal } : {},
    ).then(listOf<StateRef>("countries")),
  dyad: (
    a: string,
    b: string,
    opts: { from?: number; to?: number; period?: Period; indicators?: string } = {},
  ) => request<DyadResult>(`api/dyads/${enc(a)}/${enc(b)}${query(opts)}`),
  sources: () => request<{ sources: SourceInfo[] }>("api/sources"),
  blocs: (opts: { year?: number; measure?: string } = {}) =>
    request<BlocsResult>(`api/blocs${query(opts)}`),
  blocYears: (measure?: string) =>
    request<{ measure: string; years: number[] }>(`api/blocs/years${query({ measure })}`),
  blocMatrix: (opts: { year?: number; measure?: string }) =>
    request<BlocMatrix>(`api/blocs/matrix${query(opts)}`),
  blocTimeline: (opts: {
    states: readonly string[];
    from?: number;
    to?: number;
    measure?: string;
  }) =>
    request<StateTimeline>(
      `api/blocs/timeline${query({ ...opts, states: opts.states.join(",") })}`,
    ),
  cases: () =>
    request<CaseSummary[] | Record<string, CaseSummary[]>>("api/cases").then(
      listOf<CaseSummary>("cases"),
    ),
  getCase: (name: string) => request<CaseDocument>(`api/cases/${enc(name)}`),
  assessment: (name: string) =>
    request<Assessment>(`api/cases/${enc(name)}/assessment${query({ rule: "all" })}`),
  saveCase: (name: string, yaml: string, version: CaseVersion) =>
    request<CaseSaved>(`api/cases/${enc(name)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yaml, version }),
    }),
};

/** Words for any error from `request`. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
