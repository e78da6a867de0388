/** Options shared by several commands, checked where they are parsed. */
import { BadInputError } from "../core/errors.js";
import { parseYear } from "../core/years.js";

/** `--from`/`--to`/`--year`: a year in the range every command and the API accept (core/years.ts). */
export function parseYearOption(v: string | undefined, name: string): number | undefined {
  return v === undefined ? undefined : parseYear(v, name);
}

/** A whole number 1…max option (--seeds, --top). */
export function parseCount(
  v: string | boolean | undefined,
  name: string,
  max: number,
): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw new BadInputError("bad_option", `${name} ${String(v)} is not a whole number 1…${max}`, {
      hint: `Write e.g. ${name} 20`,
    });
  }
  return Number(v);
}
