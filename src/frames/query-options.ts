/**
 * What a request asks of a dyad or a panel, normalised once for every front end: the CLI's
 * `dyad`/`panel` flags and the API's `/api/dyads/…` and `/api/panel` queries are read into
 * `QueryFields` (each surface names its own parameters and errors), and the options the frames take
 * are built here and nowhere else, so the two cannot drift apart.
 */
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import { checkYear } from "../core/years.js";
import { parseWeights } from "../indicators/composite.js";
import { type EventFilter, UN_VOTE_SOURCES, type UnVoteSource } from "../indicators/indicator.js";
import type { DyadOptions } from "./dyad.js";
import { PERIOD_KINDS, type PeriodKind } from "./frame.js";
import type { PanelOptions } from "./panel.js";

/** The fields every front end reads, in the frames' names (camelCase). */
export interface QueryFields {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Indicator and family names, comma-separated (default: all). */
  readonly indicators?: string | undefined;
  /** Composite weights, e.g. "cooperation.un=2,dependence.arms=0". */
  readonly weights?: string | undefined;
  readonly period?: PeriodKind | undefined;
  readonly directed?: boolean | undefined;
  readonly rootOnly?: boolean | undefined;
  readonly minSources?: number | undefined;
  readonly minArticles?: number | undefined;
  /** Which UN votes the UN measures read (default auto). */
  readonly unVotes?: UnVoteSource | undefined;
  readonly intervals?: boolean | undefined;
  readonly trends?: boolean | undefined;
  /** Panels only: all, relevant or pairs "A-B,C-D". */
  readonly dyads?: string | undefined;
  /** Panels only: refuse a panel of more rows than this, before any indicator is computed. */
  readonly limit?: number | undefined;
}

function bad(field: string, what: string): BadInputError {
  return new BadInputError("bad_option", `Bad option ${field}: ${what}`, {
    hint: "See --help (CLI) or /api/openapi.json (API) for each option's form",
  });
}

const whole = (v: number | undefined, field: string, min: number): void => {
  if (v !== undefined && !(Number.isInteger(v) && v >= min)) {
    throw bad(field, `expected a whole number of at least ${min}, got ${v}`);
  }
};

/**
 * Check what the TypeScript types cannot (the surfaces have parsed the text already): ranges,
 * names from a fixed list, and years in the range every command accepts.
 */
function normalise(f: QueryFields): QueryFields {
  if (f.period !== undefined && !(PERIOD_KINDS as readonly string[]).includes(f.period)) {
    throw bad("period", `expected one of ${PERIOD_KINDS.join(", ")}, got ${f.period}`);
  }
  if (f.unVotes !== undefined && !(UN_VOTE_SOURCES as readonly string[]).includes(f.unVotes)) {
    throw bad("unVotes", `expected one of ${UN_VOTE_SOURCES.join(", ")}, got ${f.unVotes}`);
  }
  whole(f.minSources, "minSources", 0);
  whole(f.minArticles, "minArticles", 0);
  whole(f.limit, "limit", 1);
  if (f.indicators === "") throw bad("indicators", "expected names, got nothing");
  if (f.dyads === "") throw bad("dyads", "expected all, relevant or pairs, got nothing");
  if (f.from !== undefined) checkYear(f.from, "from");
  if (f.to !== undefined) checkYear(f.to, "to");
  return f;
}

/** The GDELT event filter, or undefined when nothing is filtered (the cube answers then). */
export function eventFilter(f: {
  rootOnly?: boolean | undefined;
  minSources?: number | undefined;
  minArticles?: number | undefined;
}): EventFilter | undefined {
  const rootOnly = f.rootOnly === true;
  if (!rootOnly && f.minSources === undefined && f.minArticles === undefined) return undefined;
  return {
    ...(rootOnly ? { rootOnly } : {}),
    ...defined({ minSources: f.minSources, minArticles: f.minArticles }),
  };
}

/**
 * Options for `dyad()`. Keys whose value is undefined are left out, so that two requests asking
 * the same thing build equal objects (the server's cache keys on them).
 */
export function dyadOptions(fields: QueryFields): DyadOptions {
  const f = normalise(fields);
  const events = eventFilter(f);
  return {
    ...defined({ from: f.from, to: f.to, indicators: f.indicators }),
    weights: parseWeights(f.weights),
    period: f.period ?? "year",
    directed: f.directed === true,
    ...(events ? { events } : {}),
    ...defined({ unVotes: f.unVotes, intervals: f.intervals, trends: f.trends }),
  };
}

/** Options for `panel()`: the dyad options plus the universe, intervals and the row limit. */
export function panelOptions(fields: QueryFields): PanelOptions {
  const { trends: _trends, ...dyad } = dyadOptions(fields);
  return {
    ...dyad,
    dyads: fields.dyads ?? "all",
    intervals: fields.intervals === true,
    ...defined({ limit: fields.limit }),
  };
}
