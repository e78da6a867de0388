/**
 * The change-point methods by name and the defaults `entente changepoints` and `entente trend`
 * show in their options: kept apart from the searches so that registering the commands loads
 * nothing else (changepoints.ts runs them).
 */

export const METHODS = [
  "pelt-linear",
  "pelt-mean",
  "pelt-meanvar",
  "binseg-linear",
  "binseg-mean",
  "bocpd-negbin",
  "bocpd-poisson",
] as const;
export type Method = (typeof METHODS)[number];

export const DEFAULT_METHOD: Method = "pelt-linear";
/** Default shortest segment for the normal costs; count models default to 2. */
export const DEFAULT_MIN_SEG = 5;
export const DEFAULT_HAZARD = 0.01;
