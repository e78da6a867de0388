/**
 * The HTTP API's routes as data: path, parameters, query, body and responses, each a zod schema.
 * The same schemas validate every request (`parseInput`) and generate the OpenAPI document
 * (`openapi.ts`), so the published description cannot drift from what the server accepts.
 */
import { z } from "zod";
import { CASE_NAME } from "../assess/case-location.js";
import { RULES } from "../assess/scoring.js";
import { DEFAULT_SEEDS } from "../blocs/blocs.js";
import { BLOC_MEASURES } from "../blocs/measures.js";
import { BadInputError } from "../core/errors.js";
import { FIRST_YEAR, LAST_YEAR, yearProblem } from "../core/years.js";
import { PERIOD_KINDS } from "../frames/frame.js";
import { PANEL_FORMATS } from "../frames/panel.js";

/** Largest panel the server writes (rows), and the default `limit`. */
export const MAX_PANEL_ROWS = 5_000_000;
/** Largest request body accepted (bytes); larger bodies get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Most seeded runs a bloc request may ask for: the CLI takes up to 10,000, but a served request
 * holds the server's one thread, and 200 runs already settle the consensus no better than 50
 * (docs/blocs.md, Seeds).
 */
export const MAX_BLOC_SEEDS = 200;
/** Most states one bloc timeline follows. */
export const MAX_TIMELINE_STATES = 20;

// ---------------------------------------------------------------------------------------------
// Request pieces. Query values arrive as strings; transforms turn them into what the library
// takes, and the JSON Schema shows the string form a client sends (io: "input").

/** The same check as the CLI's --from/--to (core/years.ts): four digits, 1816–2100. */
const Year = z
  .string()
  .regex(/^\d{4}$/, "a year is four digits (YYYY)")
  .transform((v, ctx) => {
    const problem = yearProblem(v);
    if (problem === null) return Number(v);
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  })
  .meta({
    description: `a year, YYYY, from ${FIRST_YEAR} to ${LAST_YEAR}`,
    example: "2000",
  });

const Flag = z
  .enum(["true", "false", "1", "0", ""])
  .transform((v) => v === "true" || v === "1" || v === "")
  .meta({ description: "true, false, 1, 0, or present without a value (true)" });

const WholeNumber = (description: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "a whole number")
    .transform(Number)
    .meta({ description });

const State = (example: string) =>
  z
    .string()
    .min(1)
    .max(100)
    .meta({ description: "a state: COW code, ISO alpha-2/alpha-3 code or name", example });

export const CaseName = z
  .string()
  .regex(
    CASE_NAME,
    "a case name is 1–64 lowercase letters, digits and hyphens, starting with a letter or digit",
  )
  .meta({ description: "case name (lowercase letters, digits, hyphens)", example: "russia-china" });

const Indicators = z.string().max(2000).meta({
  description:
    "indicator or family names, comma-separated: un, atop, cow, trade, arms, exercises, cinc, gdelt, icews, icews_dy, composite (default: all)",
  example: "trade,un_agree",
});
const Weights = z
  .string()
  .max(2000)
  .meta({ description: "composite weights, e.g. cooperation.un=2,dependence.arms=0" });

/** Options shared by dyads and panels (the CLI's `--from … --min-articles`). */
const frameQuery = {
  from: Year.optional().meta({
    description: "first year (default: first year of the loaded data)",
  }),
  to: Year.optional().meta({ description: "last year (default: last year of the loaded data)" }),
  indicators: Indicators.optional(),
  weights: Weights.optional(),
  period: z.enum(PERIOD_KINDS).default("year").meta({
    description: "rows per year, quarter or month (sub-year rows: event indicators only)",
  }),
  directed: Flag.optional().meta({ description: "event indicators count a → b only" }),
  root_only: Flag.optional().meta({ description: "GDELT: count only root events" }),
  min_sources: WholeNumber("GDELT: count only events reported by at least n sources").optional(),
  min_articles: WholeNumber("GDELT: count only events reported in at least n articles").optional(),
};

export const DyadParams = z.object({ a: State("RUS"), b: State("CHN") }).strict();
export const DyadQuery = z.object(frameQuery).strict();

export const PanelQuery = z
  .object({
    dyads: z.string().min(1).max(100_000).default("all").meta({
      description:
        "all, relevant (politically relevant dyad-years), or pairs A-B,C-D (e.g. RUS-CHN,USA-JPN)",
    }),
    ...frameQuery,
    format: z.enum(PANEL_FORMATS).default("csv").meta({ description: "file format" }),
    limit: WholeNumber(`refuse panels of more rows than this (at most ${MAX_PANEL_ROWS})`)
      .pipe(z.number().int().min(1).max(MAX_PANEL_ROWS))
      .optional(),
  })
  .strict();

export const CountriesQuery = z
  .object({
    q: z.string().max(100).optional().meta({
      description:
        "code, or part of any name or alias (case- and accent-insensitive; close spellings ranked by edit distance)",
    }),
    limit: WholeNumber("most results (default 20, at most 500)")
      .pipe(z.number().int().min(1).max(500))
      .optional(),
  })
  .strict();

export const CaseParams = z.object({ name: CaseName }).strict();

export const CasePutBody = z
  .object({
    yaml: z
      .string()
      .max(MAX_BODY_BYTES)
      .meta({ description: "the case file's text (YAML; docs/case-schema.json)" }),
    version: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "a version is the sha256 (64 hex digits) returned by GET")
      .optional()
      .meta({
        description: "the version this edit started from; 409 when the file has changed since",
      }),
  })
  .strict();

const RULE_LIST = new RegExp(`^(all|(${RULES.join("|")})(,(${RULES.join("|")}))*)$`);
export const AssessmentQuery = z
  .object({
    rule: z
      .string()
      .regex(RULE_LIST, `a rule is ${RULES.join(", ")} or all (comma-separated)`)
      .default("all")
      .meta({ description: `scoring rules: ${RULES.join(", ")} or all, comma-separated` }),
  })
  .strict();

export const ReportParams = DyadParams;
export const ReportQuery = z
  .object({
    case: CaseName.optional().meta({ description: "a case to assess in the report" }),
    from: Year.optional().meta({ description: "first year (default: 30 years before `to`)" }),
    to: Year.optional().meta({ description: "last year (default: last year of the loaded data)" }),
  })
  .strict();

export const NoQuery = z.object({}).strict();

const Measure = z
  .enum(BLOC_MEASURES)
  .default("kappa")
  .meta({
    description: `similarity the network is built from: ${BLOC_MEASURES.join(", ")} (docs/blocs.md)`,
  });

/** The CLI's --measure, --resolution, --seeds and --seed. */
const blocOptions = {
  measure: Measure,
  resolution: z
    .string()
    .regex(/^(\d{1,3}(\.\d{1,6})?|\.\d{1,6})$/, "a resolution is a positive number, e.g. 1 or 1.5")
    .transform(Number)
    .pipe(z.number().positive("a resolution is a positive number, e.g. 1 or 1.5"))
    .optional()
    .meta({
      description: "modularity resolution γ (default 1): above 1 finds more, smaller blocs",
    }),
  seeds: WholeNumber(
    `seeded Louvain runs behind the consensus (default ${DEFAULT_SEEDS}, at most ${MAX_BLOC_SEEDS})`,
  )
    .pipe(z.number().int().min(1).max(MAX_BLOC_SEEDS))
    .optional(),
  seed: WholeNumber("first seed (default 1)").pipe(z.number().int().min(1)).optional(),
};

export const BlocsQuery = z
  .object({
    year: Year.optional().meta({
      description: "the year (default: the last year the measure covers)",
    }),
    ...blocOptions,
  })
  .strict();

export const BlocYearsQuery = z.object({ measure: Measure }).strict();

export const BlocTimelineQuery = z
  .object({
    states: z
      .string()
      .min(1)
      .max(2000)
      .transform((v) =>
        v
          .split(",")
          .map((x) => x.trim())
          .filter((x) => x !== ""),
      )
      .pipe(
        z
          .array(z.string().max(100))
          .min(1, "name at least one state")
          .max(MAX_TIMELINE_STATES, `at most ${MAX_TIMELINE_STATES} states`),
      )
      .meta({
        description: "the states to follow, comma-separated codes or names",
        example: "RUS,CHN",
      }),
    from: Year.optional().meta({
      description: "first year (default: the first year the measure covers)",
    }),
    to: Year.optional().meta({
      description: "last year (default: the last year the measure covers)",
    }),
    ...blocOptions,
  })
  .strict();

export const NeighboursParams = z.object({ a: State("RUS") }).strict();
export const NeighboursQuery = z
  .object({
    year: Year.optional().meta({
      description: "the year (default: the last year the measure covers)",
    }),
    measure: Measure,
    top: WholeNumber("how many neighbours (default 20, at most 1000)")
      .pipe(z.number().int().min(1).max(1000))
      .optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Responses (documentation only: the library's own types are what the handlers return).

const Problem = z.object({
  path: z.string().meta({ description: "where: query.from, evidence[3].credibility, …" }),
  line: z.number().int().nullable().optional().meta({ description: "line in the case file" }),
  message: z.string(),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: "stable machine-readable code" }),
    message: z.string(),
    hint: z.string().optional().meta({ description: "how to fix it" }),
    problems: z.array(Problem).optional(),
    version: z.string().optional().meta({ description: "409: the current version" }),
  }),
});

const StateRefBody = z.object({
  ccode: z.number().int(),
  iso3: z.string().nullable(),
  name: z.string(),
});

export const IDEAL_POINT_STATES = ["fitted", "not_fitted", "no_votes"] as const;

export const HealthBody = z.object({
  ok: z.literal(true),
  store: z.string(),
  version: z.string(),
  read_only: z.boolean().meta({ description: "whether case edits are refused" }),
  ideal_points: z.enum(IDEAL_POINT_STATES).meta({
    description:
      "UN ideal points: fitted (dyads carry un_ideal_*), not_fitted (votes loaded, no fit: run `entente ideal-points`), no_votes (no UN votes loaded)",
  }),
});

const BlocMemberBody = z.object({
  ccode: z.number().int(),
  iso3: z.string().nullable(),
  name: z.string(),
  stability: z.number().meta({
    description: "mean share of the seeded runs that put the state with each other member",
  }),
});

export const BlocsBody = z.object({
  year: z.number().int(),
  measure: z.string(),
  modularity: z.number().nullable().meta({ description: "null: the network has no positive tie" }),
  blocs: z.array(
    z.object({
      id: z.number().int().meta({ description: "1…k by size within the year" }),
      label: z.string().meta({ description: "the three largest members and how many more" }),
      members: z.array(BlocMemberBody).meta({ description: "largest first" }),
    }),
  ),
});

export const BlocYearsBody = z.object({
  measure: z.string(),
  years: z.array(z.number().int()).meta({ description: "years with a network, ascending" }),
});

export const BlocMatrixBody = z.object({
  year: z.number().int(),
  measure: z.string(),
  modularity: z.number().nullable(),
  blocs: z.array(z.object({ id: z.number().int(), label: z.string(), size: z.number().int() })),
  states: z
    .array(
      z.object({
        ccode: z.number().int(),
        iso3: z.string().nullable(),
        name: z.string(),
        bloc: z.number().int(),
        stability: z.number(),
      }),
    )
    .meta({ description: "matrix order: bloc by bloc (largest first), members largest first" }),
  values: z.array(z.array(z.number().nullable())).meta({
    description:
      "values[i][j]: the measure between states i and j (3 decimals, unclipped); null on the diagonal and for pairs without a value",
  }),
});

export const BlocTimelineBody = z.object({
  measure: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(z.number().int()).meta({ description: "years in from…to with a network" }),
  states: z.array(StateRefBody),
  rows: z.array(
    z.object({
      year: z.number().int(),
      ccode: z.number().int(),
      iso3: z.string().nullable(),
      name: z.string(),
      bloc: z
        .number()
        .int()
        .meta({ description: "bloc id, kept across years while the bloc continues" }),
      label: z.string(),
      size: z.number().int(),
      stability: z.number(),
    }),
  ),
});

export const NeighboursBody = z.object({
  state: StateRefBody,
  year: z.number().int(),
  measure: z.string(),
  beforeYear: z.number().int(),
  neighbours: z.array(
    z.object({
      rank: z.number().int(),
      ccode: z.number().int(),
      iso3: z.string().nullable(),
      name: z.string(),
      similarity: z.number(),
      before: z.number().nullable().meta({ description: "the same pair in beforeYear" }),
      change: z.number().nullable(),
    }),
  ),
});

export const SourcesBody = z.object({
  sources: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      version: z.string(),
      citation: z.string(),
      homepage: z.string(),
      license: z.string(),
      loaded: z.object({
        files: z.number().int(),
        rows: z.number().int(),
        from: z.number().int().nullable(),
        to: z.number().int().nullable(),
      }),
    }),
  ),
});

export const CountriesBody = z.object({
  countries: z.array(
    z.object({
      ccode: z.number().int(),
      iso3: z.string().nullable(),
      name: z.string(),
      matched: z
        .string()
        .optional()
        .meta({ description: "the alias that matched, when not the state's name" }),
    }),
  ),
});

const TrendBody = z
  .object({
    n: z.number().int(),
    slope: z.number(),
    lower: z.number(),
    upper: z.number(),
    level: z.number(),
    p: z.number(),
  })
  .passthrough()
  .nullable();

const TrendsBody = z
  .object({
    period: z.enum(PERIOD_KINDS),
    times: z.array(z.string()),
    indicators: z.array(
      z
        .object({
          name: z.string(),
          unit: z.string(),
          n: z.number().int(),
          missing: z.number().int(),
          method: z.string(),
          changepoints: z.array(
            z.object({
              index: z.number().int(),
              time: z.string(),
              lower: z.number().int(),
              upper: z.number().int(),
              lowerTime: z.string(),
              upperTime: z.string(),
            }),
          ),
          segments: z.array(
            z
              .object({
                start: z.number().int(),
                end: z.number().int(),
                startTime: z.string(),
                endTime: z.string(),
                mean: z.number(),
                trend: TrendBody,
              })
              .passthrough(),
          ),
          trend: TrendBody,
        })
        .passthrough(),
    ),
  })
  .meta({
    description:
      "per indicator: change points with 95% intervals, the segments between them with their means and Theil–Sen trends, and the trend over the span (docs/trends.md)",
  });

export const DyadBody = z.object({
  dyad: z.object({ a: StateRefBody, b: StateRefBody, directed: z.boolean() }),
  period: z.enum(PERIOD_KINDS),
  indicators: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      unit: z.string(),
      source: z.string(),
      citation: z.string(),
    }),
  ),
  rows: z.array(
    z
      .record(z.string(), z.union([z.number(), z.string(), z.null()]))
      .meta({ description: "year (or period), then one value per indicator; null = no data" }),
  ),
  notes: z.array(z.string()).meta({
    description:
      "what the reader must know about the states over these years (a historical code asked for years after its state ended, years outside a state's system membership)",
  }),
  trends: TrendsBody.optional(),
});

const CaseSource = z
  .enum(["bundled", "local"])
  .meta({ description: "bundled with Entente (read-only) or saved in the cases directory" });

export const CaseListBody = z.object({
  cases: z.array(
    z.object({
      name: z.string(),
      source: CaseSource,
      shadows_bundled: z.boolean().meta({ description: "a local copy hides the bundled case" }),
      valid: z.boolean(),
      title: z.string().nullable(),
      question: z.string().nullable(),
      evidence: z.number().int().nullable().meta({ description: "number of evidence items" }),
    }),
  ),
});

export const CaseDocBody = z.object({
  name: z.string(),
  source: CaseSource,
  version: z.string().meta({ description: "sha256 of the file text (send it back with PUT)" }),
  yaml: z.string(),
  case: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "the parsed case (schema: Case), null when the file is invalid" }),
  problems: z.array(Problem).optional(),
});

export const CaseSavedBody = z.object({
  name: z.string(),
  version: z.string(),
  created: z.boolean().meta({ description: "true when the case was new in the cases directory" }),
  backup: z
    .string()
    .nullable()
    .meta({ description: "the previous version's copy, relative to the cases directory" }),
  shadows_bundled: z.boolean(),
});

export const AssessmentBody = z.object({
  case: z.object({ title: z.string(), question: z.string() }),
  hypotheses: z.array(z.object({ id: z.string(), label: z.string(), prior: z.number() })),
  evidence: z.array(z.record(z.string(), z.unknown())),
  rules: z.record(
    z.string(),
    z.object({
      scores: z.record(z.string(), z.number()).optional(),
      posterior: z.record(z.string(), z.number()).optional(),
      ranking: z.array(z.string()),
      ties: z.array(z.array(z.string())),
    }),
  ),
  sensitivity: z.array(
    z.object({
      rule: z.string(),
      evidence: z.string(),
      change: z.string(),
      new_leader: z.string(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// The route table.

export interface ResponseSpec {
  readonly description: string;
  /** Content type → body schema (null: a file or text without a schema). */
  readonly content?: Readonly<Record<string, z.ZodType | null>>;
}

export interface RouteSpec {
  readonly method: "get" | "put";
  /** OpenAPI-style path: /api/dyads/{a}/{b}. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodObject;
  readonly query: z.ZodObject;
  readonly body?: z.ZodObject;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

const json = (schema: z.ZodType) => ({ "application/json": schema });

export const ROUTES = {
  health: {
    method: "get",
    path: "/api/health",
    summary: "Server and store status",
    query: NoQuery,
    responses: { 200: { description: "running", content: json(HealthBody) } },
  },
  sources: {
    method: "get",
    path: "/api/sources",
    summary: "Every supported dataset format and what the store holds (`entente sources --json`)",
    query: NoQuery,
    responses: { 200: { description: "the sources", content: json(SourcesBody) } },
  },
  countries: {
    method: "get",
    path: "/api/countries",
    summary: "Search the country crosswalk by code or name",
    query: CountriesQuery,
    responses: {
      200: { description: "matching states, best first", content: json(CountriesBody) },
    },
  },
  dyad: {
    method: "get",
    path: "/api/dyads/{a}/{b}",
    summary: "Indicators for one pair of states (`entente dyad A B --format json`)",
    description:
      "a is the first state: shares and dependence are a's. Null means no data for that year.",
    params: DyadParams,
    query: DyadQuery,
    responses: { 200: { description: "rows by year or period", content: json(DyadBody) } },
  },
  panel: {
    method: "get",
    path: "/api/panel",
    summary: "A dyad-year panel as a CSV or Parquet download (`entente panel`)",
    description: `Refused with 400 before any work when the panel would have more than \`limit\` rows (default and maximum ${MAX_PANEL_ROWS}).`,
    query: PanelQuery,
    responses: {
      200: {
        description: "the panel file (Content-Disposition: attachment)",
        content: { "text/csv": null, "application/vnd.apache.parquet": null },
      },
    },
  },
  cases: {
    method: "get",
    path: "/api/cases",
    summary: "Bundled cases and cases in the cases directory",
    query: NoQuery,
    responses: { 200: { description: "the cases", content: json(CaseListBody) } },
  },
  caseGet: {
    method: "get",
    path: "/api/cases/{name}",
    summary: "A case file: its text, version (sha256) and parsed content",
    params: CaseParams,
    query: NoQuery,
    responses: {
      200: { description: "the case", content: json(CaseDocBody) },
      404: { description: "no such case", content: json(ErrorBody) },
    },
  },
  casePut: {
    method: "put",
    path: "/api/cases/{name}",
    summary: "Validate and save a case into the cases directory",
    description:
      "The text is validated as `entente case validate` does (400 lists every problem with its path and line), then written atomically to <cases>/<name>/case.yaml; the previous version is kept in <cases>/<name>/backups/. Saving a bundled case's name writes a local copy that shadows it. With `version`, the save is refused with 409 when the file changed since that version.",
    params: CaseParams,
    query: NoQuery,
    body: CasePutBody,
    responses: {
      200: { description: "saved over an existing local case", content: json(CaseSavedBody) },
      201: { description: "created in the cases directory", content: json(CaseSavedBody) },
      403: { description: "the server is read-only", content: json(ErrorBody) },
      409: { description: "the case changed since `version`", content: json(ErrorBody) },
      413: { description: "body larger than 1 MB", content: json(ErrorBody) },
      415: { description: "body is not application/json", content: json(ErrorBody) },
    },
  },
  assessment: {
    method: "get",
    path: "/api/cases/{name}/assessment",
    summary: "Assess a case on the store (`entente assess NAME --json`)",
    params: CaseParams,
    query: AssessmentQuery,
    responses: {
      200: { description: "scores per rule", content: json(AssessmentBody) },
      404: { description: "no such case", content: json(ErrorBody) },
    },
  },
  report: {
    method: "get",
    path: "/api/reports/{a}/{b}",
    summary: "The HTML brief on a pair of states (`entente report A B`)",
    params: ReportParams,
    query: ReportQuery,
    responses: {
      200: { description: "a self-contained HTML report", content: { "text/html": null } },
    },
  },
  blocs: {
    method: "get",
    path: "/api/blocs",
    summary: "Voting blocs of one year (`entente blocs --year Y --json`)",
    description:
      "Communities in the network of all states that year: a consensus of seeded Louvain runs on the chosen similarity, negatives clipped (docs/blocs.md). 400 `no_data` for a year the measure does not cover; 400 `no_fit` for measure=ideal without a stored fit (`entente ideal-points`).",
    query: BlocsQuery,
    responses: { 200: { description: "the blocs, largest first", content: json(BlocsBody) } },
  },
  blocYears: {
    method: "get",
    path: "/api/blocs/years",
    summary: "The years in which a bloc measure has a network",
    description:
      "For a year slider. Cheap for kappa, pi, agree and ideal; measure=alignment computes the index for every loaded dyad-year (many seconds, once: answers are cached).",
    query: BlocYearsQuery,
    responses: { 200: { description: "covered years", content: json(BlocYearsBody) } },
  },
  blocMatrix: {
    method: "get",
    path: "/api/blocs/matrix",
    summary: "A year's agreement matrix ordered by bloc (the dashboard's Blocs view)",
    description:
      "The blocs of the year (the same as GET /api/blocs with the same parameters) and the n × n matrix of the measure, states listed bloc by bloc. No CLI equivalent: the library's blocMatrix().",
    query: BlocsQuery,
    responses: {
      200: { description: "blocs, states in matrix order, values", content: json(BlocMatrixBody) },
    },
  },
  blocTimeline: {
    method: "get",
    path: "/api/blocs/timeline",
    summary: "Bloc membership of chosen states over a range of years",
    description:
      "The rows of `entente blocs --from F --to T --out timeline.csv` for the states asked for: a bloc keeps its id from year to year while its members mostly stay (Jaccard ≥ 0.3). About 0.1–0.3 s of CPU per year at 50 seeds.",
    query: BlocTimelineQuery,
    responses: {
      200: { description: "one row per state-year", content: json(BlocTimelineBody) },
    },
  },
  neighbours: {
    method: "get",
    path: "/api/neighbours/{a}",
    summary: "The states most aligned with a in a year (`entente neighbours A --json`)",
    params: NeighboursParams,
    query: NeighboursQuery,
    responses: {
      200: { description: "neighbours, closest first", content: json(NeighboursBody) },
    },
  },
  openapi: {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    query: NoQuery,
    responses: {
      200: {
        description: "OpenAPI 3.1",
        content: { "application/json": z.record(z.string(), z.unknown()) },
      },
    },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof ROUTES;

/** `/api/dyads/{a}/{b}` → `/api/dyads/:a/:b` (Hono's syntax). */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

// ---------------------------------------------------------------------------------------------
// Validation.

export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/** A request whose path, query or body breaks its schema: 400 naming every field. */
export class RequestInputError extends BadInputError {
  constructor(readonly problems: readonly InputProblem[]) {
    super(
      "bad_request",
      problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; "),
      { hint: "See /api/openapi.json for the parameters of each route" },
    );
  }
}

/** Parse a request part with its schema; throws RequestInputError naming the fields. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: "path" | "query" | "body",
): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.flatMap((i): InputProblem[] => {
    const at = (key: PropertyKey[]) => [part, ...key.map(String)].join(".");
    if (i.code === "unrecognized_keys") {
      return i.keys.map((k) => ({
        path: at([...i.path, k]),
        message: `unknown ${part === "body" ? "field" : "parameter"}`,
      }));
    }
    return [{ path: at(i.path), message: i.message }];
  });
  throw new RequestInputError(problems);
}
