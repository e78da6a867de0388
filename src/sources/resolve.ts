import { lookupCountry } from "../core/crosswalk.js";
import type { Emitter } from "./source.js";

/**
 * Resolve a country as written in a file to a COW code, or report it as unresolved (the row is
 * kept without a code). Results are cached per (system, year, name): files repeat names a lot.
 */
export function makeResolver(system: "name" | "iso2" | "iso3" | "cowabb" | "cameo" = "name") {
  const cache = new Map<string, number | null>();
  return (raw: string | null, year: number | undefined, out: Emitter): number | null => {
    if (raw === null || raw === "") return null;
    const key = `${year ?? ""}|${raw}`;
    let ccode = cache.get(key);
    if (ccode === undefined) {
      ccode = lookupCountry(raw, year === undefined ? { system } : { system, year })?.ccode ?? null;
      cache.set(key, ccode);
    }
    if (ccode === null) out.unresolved(raw);
    return ccode;
  };
}
