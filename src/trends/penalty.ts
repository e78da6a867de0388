/**
 * Penalties for the number of change points, as R's changepoint package defines them
 * (`penalty_decision`), with p the parameters that change at each change point:
 *
 *   BIC  (p + 1)·log n          Schwarz (1978)
 *   MBIC (p + 2)·log n, plus log(segment length) for every segment   Zhang & Siegmund (2007)
 *   AIC  2·(p + 1)              Akaike (1974)
 *   manual: the number given.
 */
import { BadInputError } from "../core/errors.js";

export const PENALTIES = ["mbic", "bic", "aic", "manual"] as const;
export type PenaltyName = (typeof PENALTIES)[number];

export interface Penalty {
  readonly name: PenaltyName;
  /** Added once per change point. */
  readonly value: number;
  /** MBIC's per-segment term: log(segment length) added to every segment's cost. */
  readonly perSegmentLog: boolean;
}

/**
 * The penalty for a series of length n whose cost changes `params` parameters per change.
 * `manual` needs `value` (≥ 0).
 */
export function penalty(name: PenaltyName, n: number, params: number, value?: number): Penalty {
  const logn = Math.log(n);
  switch (name) {
    case "mbic":
      return { name, value: (params + 2) * logn, perSegmentLog: true };
    case "bic":
      return { name, value: (params + 1) * logn, perSegmentLog: false };
    case "aic":
      return { name, value: 2 * (params + 1), perSegmentLog: false };
    case "manual":
      if (value === undefined || !Number.isFinite(value) || value < 0) {
        throw new BadInputError(
          "bad_penalty",
          `A manual penalty needs a number ≥ 0, got ${value}`,
          {
            hint: "Write e.g. --penalty 12.5, or one of mbic, bic, aic",
          },
        );
      }
      return { name, value, perSegmentLog: false };
  }
}

/** Parse `--penalty`: a name (mbic, bic, aic) or a number (manual). */
export function parsePenalty(text: string | undefined): { name: PenaltyName; value?: number } {
  if (text === undefined) return { name: "mbic" };
  const t = text.trim().toLowerCase();
  if (t === "mbic" || t === "bic" || t === "aic") return { name: t };
  const v = Number(t);
  if (t !== "" && Number.isFinite(v) && v >= 0) return { name: "manual", value: v };
  throw new BadInputError("bad_penalty", `Unknown penalty "${text}"`, {
    hint: "Use mbic (default), bic, aic or a number ≥ 0",
  });
}
