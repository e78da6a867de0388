/**
 * The issue dummies of the Voeten roll-call layout (and short_name codes of the unvotes layout).
 * Their own module so that `entente ideal-points --help` lists them without loading a source.
 */
export const ISSUES = ["me", "nu", "di", "hr", "co", "ec"] as const;
export type Issue = (typeof ISSUES)[number];
