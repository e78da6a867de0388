/**
 * The HTTP API's response bodies as zod schemas: documentation only (the OpenAPI document of
 * `schemas.ts`'s route table); the library's own types are what the handlers return.
 */
import { z } from "zod";
import { PERIOD_KINDS } from "../frames/frame.js";

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

export const IndicatorsBody = z.object({
  indicators: z.array(
    z.object({
      name: z.string(),
      family: z.string(),
      description: z.string(),
      unit: z.string(),
      source: z.string(),
      citation: z.string(),
      datasets: z.array(z.string()).meta({
        description: "the datasets (names as /api/sources lists them) it is computed from",
      }),
      on_request: z.boolean().meta({
        description: "an interval column, computed only when asked for (not in the default set)",
      }),
    }),
  ),
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
