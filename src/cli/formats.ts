import { BadInputError } from "../core/errors.js";

/** Output formats of `entente dyad`: its options (--help) and its run both read them. */
export const DYAD_FORMATS = ["table", "json", "csv"] as const;
export type DyadFormat = (typeof DYAD_FORMATS)[number];

/** The `--format` of `entente dyad`, refused when it is not one of DYAD_FORMATS. */
export function dyadFormat(value: unknown): DyadFormat {
  if (!(DYAD_FORMATS as readonly unknown[]).includes(value)) {
    throw new BadInputError("bad_format", `Unknown format "${String(value)}"`, {
      hint: `Use ${DYAD_FORMATS.join(", ")}`,
    });
  }
  return value as DyadFormat;
}
