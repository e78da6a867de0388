/**
 * The names and defaults `entente blocs` and `entente neighbours` show in their options: kept
 * apart from the computations so that registering the commands (and `--help`) loads nothing else.
 */

/** The similarity measures by name (measures.ts defines each). */
export const BLOC_MEASURES = ["kappa", "pi", "agree", "ideal", "alignment"] as const;
export type BlocMeasureName = (typeof BLOC_MEASURES)[number];

/**
 * Seeded runs per consensus by default: 50 keeps a year's blocs well under a second and gives
 * stability on a grid of 0.02. More seeds buy little: two independent sets of 50 give the same
 * consensus in 57 of the 69 years 1946–2015, two sets of 200 in 61 (docs/blocs.md, Seeds).
 */
export const DEFAULT_SEEDS = 50;
