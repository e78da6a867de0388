/**
 * What a request asks of a dyad or a panel, normalised once for every front end: the CLI's
 * `dyad`/`panel` flags and the API's `/api/dyads/…` and `/api/panel` queries are read into
 * `QueryFields` (each surface names its own parameters and errors), and the options the frames take
 * are built here and nowhere else, so the two cannot drift apart.
 */
import { z } from "zod";
import { BadInputError } from "../core/errors.js";
import { checkYear } from "../core/years.js";
import { parseWeights } from "../indicators/composite.js";
import type { EventFilter } from "../indicators/indicator.js";
import type { DyadOptions } from "./dyad.js";
import { PERIOD_KINDS } from "./frame.js";
import type { PanelOptions } from "./panel.js";

const Year = z.number().int();
const Count = z.number().int().min(0);

/** The fields every front end reads, in the frames' names (camelCase). */
export const QueryFields = z
  .object({
    from: Year.optional(),
    to: Year.optional(),
    /** Indicator and family names, comma-separated (default: all). */
    indicators: z.string().min(1).optional(),
    /** Composite weights, e.g. "cooperation.un=2,dependence.arms=0". */
    weights: z.string().optional(),
    period: z.enum(PERIOD_KINDS).default("year"),
    directed: z.boolean().default(false),
    rootOnly: z.boolean().default(false),
    minSources: Count.optional(),
    minArticles: Count.optional(),
    intervals: z.boolean().optional(),
    trends: z.boolean().optional(),
    /** Panels only: all, relevant or pairs "A-B,C-D". */
    dyads: z.string().min(1).optional(),
    /** Panels only: refuse a panel of more rows than this, before any indicator is computed. */
    limit: z.number().int().min(1).optional(),
  })
  .strict();
export type QueryFields = z.input<typeof QueryFields>;

function normalise(fields: QueryFields): z.output<typeof QueryFields> {
  const r = QueryFields.safeParse(fields);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new BadInputError(
      "bad_option",
      `Bad option ${issue?.path.join(".")}: ${issue?.message}`,
      {
        hint: "See --help (CLI) or /api/openapi.json (API) for each option's form",
      },
    );
  }
  const f = r.data;
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
    ...(f.minSources === undefined ? {} : { minSources: f.minSources }),
    ...(f.minArticles === undefined ? {} : { minArticles: f.minArticles }),
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
    ...(f.from === undefined ? {} : { from: f.from }),
    ...(f.to === undefined ? {} : { to: f.to }),
    ...(f.indicators === undefined ? {} : { indicators: f.indicators }),
    weights: parseWeights(f.weights),
    period: f.period,
    directed: f.directed,
    ...(events ? { events } : {}),
    ...(f.intervals === undefined ? {} : { intervals: f.intervals }),
    ...(f.trends === undefined ? {} : { trends: f.trends }),
  };
}

/** Options for `panel()`: the dyad options plus the universe, intervals and the row limit. */
export function panelOptions(fields: QueryFields): PanelOptions {
  const { trends: _trends, ...dyad } = dyadOptions(fields);
  return {
    ...dyad,
    dyads: fields.dyads ?? "all",
    intervals: fields.intervals === true,
    ...(fields.limit === undefined ? {} : { limit: fields.limit }),
  };
}
