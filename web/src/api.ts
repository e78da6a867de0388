/**
 * The Entente HTTP API (`entente serve`): typed calls, the bearer token, and errors that say
 * what went wrong in words a user can act on.
 */
import type { Period } from "./state.js";

export interface StateRef {
  ccode: number;
  iso3: string | null;
  name: string;
  /** Search results: the alias that matched, when not the state's name ("Soviet Union"). */
  matched?: string;
}
export interface IndicatorInfo {
  name: string;
  description: string;
  unit: string;
  source: string;
  citation: string;
}

import type { DyadTrends } from "../../src/frames/dyad-trends.js";

export type DyadRow = Record<string, number | string | null>;
export interface DyadResult {
  dyad: { a: StateRef; b: StateRef; directed: boolean };
  period: Period;
  indicators: IndicatorInfo[];
  rows: DyadRow[];
  /** What the reader must know about the states over these years (docs/crosswalk.md). */
  notes: string[];
  /** Change points, segments and trends per indicator (docs/trends.md). */
  trends?: DyadTrends;
}
export interface SourceInfo {
  name: string;
  title: string;
  version: string;
  citation: string;
  homepage: string;
  license: string;
  loaded: { files: number; rows: number; from: number | null; to: number | null };
}
export interface Health {
  ok: boolean;
  store: string | null;
  version: string;
  read_only?: boolean;
}
export interface CaseSummary {
  name: string;
  /** null when the file does not validate. */
  title: string | null;
  question: string | null;
  evidence: number | null;
  source?: "bundled" | "local";
}
export type CaseVersion = string | number;
export interface CaseProblem {
  path: string;
  line: number | null;
  message: string;
}
export interface CaseDocument {
  name: string;
  version: CaseVersion;
  yaml: string;
  /** A case that does not validate comes with its problems. */
  problems?: CaseProblem[];
}
export interface BindingOutcome {
  value: number | null;
  held: boolean | null;
  applied: "ratings" | "ratings_if_false" | "none";
  detail: string;
}
export interface Assessment {
  case: { title: string; question: string };
  hypotheses: Array<{ id: string; label: string; prior: number }>;
  evidence: Array<{
    id: string;
    claim: string;
    credibility: string;
    relevance: string;
    diagnosticity: number;
    ratings: Record<string, string>;
    binding?: BindingOutcome;
  }>;
  rules: Partial<
    Record<
      "heuer" | "parc" | "bayes",
      {
        scores?: Record<string, number>;
        posterior?: Record<string, number>;
        ranking: string[];
        ties: string[][];
      }
    >
  >;
  sensitivity: Array<{ rule: string; evidence: string; change: string; new_leader: string }>;
}

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
  cases: () =>
    request<CaseSummary[] | Record<string, CaseSummary[]>>("api/cases").then(
      listOf<CaseSummary>("cases"),
    ),
  getCase: (name: string) => request<CaseDocument>(`api/cases/${enc(name)}`),
  assessment: (name: string) =>
    request<Assessment>(`api/cases/${enc(name)}/assessment${query({ rule: "all" })}`),
  saveCase: (name: string, yaml: string, version: CaseVersion) =>
    request<{ name: string; version: CaseVersion }>(`api/cases/${enc(name)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yaml, version }),
    }),
};

/** Words for any error from `request`. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
