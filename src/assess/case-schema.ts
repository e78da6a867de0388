/**
 * The ACH case file (YAML), as a zod schema: the single description from which the loader
 * validates and docs/case-schema.json is generated (`npm run case-schema`; a test keeps the
 * published file in step).
 */
import { z } from "zod";
import { LEVELS, RATINGS } from "./scoring.js";

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "an id starts with a letter: letters, digits, _ and -");
const Level = z.enum(LEVELS);
const Rating = z.enum(RATINGS);
const Ratings = z.record(Id, Rating);
const StateRef = z.union([z.string().min(1), z.number().int()]);
const Year = z.number().int().min(1800).max(2100);
/** A date or part of one: 2016-06-25, 2016-06 or 2016. */
const PartialDate = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .pipe(
    z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "write a date as YYYY-MM-DD, YYYY-MM or YYYY"),
  );

export const AGGREGATES = ["mean", "min", "max", "last", "change"] as const;
export const TEST_PATTERN = /^\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/;

export const SourceSchema = z
  .object({
    title: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
    date: PartialDate.optional(),
    url: z.url().optional(),
  })
  .strict()
  .refine((s) => s.title !== undefined || s.url !== undefined, {
    message: "a source needs a title or a url",
  });

export const BindingSchema = z
  .object({
    indicator: z.string().min(1).describe("an indicator name (docs/indicators.md)"),
    dyad: z.tuple([StateRef, StateRef]).describe("the pair, first state = a"),
    years: z.tuple([Year, Year]).describe("first and last year, inclusive"),
    aggregate: z.enum(AGGREGATES),
    test: z
      .string()
      .regex(TEST_PATTERN, 'a test is an operator and a number, e.g. ">= 0.8"')
      .describe("held when `aggregate value <op> number`"),
    ratings_if_false: Ratings.describe("ratings that apply when the test does not hold"),
  })
  .strict();

export const EvidenceSchema = z
  .object({
    id: Id,
    claim: z.string().min(1),
    kind: z.enum(["quote", "event", "statistic", "document", "assumption"]),
    date: PartialDate.optional(),
    source: SourceSchema,
    credibility: Level,
    relevance: Level,
    ratings: Ratings.describe("per hypothesis id; a missing hypothesis is NA"),
    binding: BindingSchema.optional(),
  })
  .strict();

export const HypothesisSchema = z
  .object({
    id: Id,
    label: z.string().min(1),
    description: z.string().min(1).optional(),
    prior: z.number().gt(0).lte(1).optional(),
  })
  .strict();

export const CaseSchema = z
  .object({
    title: z.string().min(1),
    question: z.string().min(1),
    states: z.array(StateRef).min(1),
    period: z.object({ from: Year, to: Year }).strict(),
    hypotheses: z.array(HypothesisSchema).min(2),
    evidence: z.array(EvidenceSchema).min(1),
  })
  .strict();

export type CaseFile = z.infer<typeof CaseSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Binding = z.infer<typeof BindingSchema>;
export type Hypothesis = z.infer<typeof HypothesisSchema>;

/** The JSON Schema published as docs/case-schema.json. */
export function caseJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CaseSchema, { io: "input" }),
    title: "Entente ACH case file",
    description:
      "An Analysis of Competing Hypotheses case: hypotheses, evidence with sources, ratings, and optional bindings to indicators computed from the store. See docs/assessment.md.",
  };
}
