import { lookupCountry } from "../core/crosswalk.js";
import type { Emitter } from "./source.js";

/**
 * Resolve a country as written in a file to a COW code, or report it as unresolved (the row is
 * kept without a code). lookupCountry caches per (system, year, input), so no cache here.
 */
export function makeResolver(system: "name" | "iso2" | "iso3" | "cowabb" | "cameo" = "name") {
  return (raw: string | null, year: number | undefined, out: Emitter): number | null => {
    if (raw === null || raw === "") return null;
    const ccode =
      lookupCountry(raw, year === undefined ? { system } : { system, year })?.ccode ?? null;
    if (ccode === null) out.unresolved(raw);
    return ccode;
  };
}
