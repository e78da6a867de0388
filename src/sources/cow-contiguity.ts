import { cite } from "../core/bibliography.js";
import { FieldError, parseDate, requireInteger } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

export const COW_CONTIGUITY_CITATION = cite("stinnett2002");

/**
 * COW Direct Contiguity v3.2 spans per dyad (peacesciencer's cow_contdir: ccode1, ccode2,
 * conttype, stdate, enddate; the official contdir.csv has other column names and is not this).
 */
export const cowContiguity = tabularSource({
  name: "cow-contdir",
  title: "COW Direct Contiguity spans (peacesciencer cow_contdir)",
  version: "3.2",
  citation: COW_CONTIGUITY_CITATION,
  homepage: "https://correlatesofwar.org/data-sets/direct-contiguity/",
  license: "Free to use with citation (Correlates of War Project terms); peacesciencer GPL-2",
  unit: "dyad_span",
  table: "contiguity",
  yearColumn: null,
  caveats: [
    "conttype: 1 land or river border; 2 separated by 12 miles of water or less; 3 by 24 miles or less; 4 by 150 miles or less; 5 by 400 miles or less. peacesciencer adds spans with conttype 0 for the periods in which a once-contiguous dyad was not contiguous.",
    "Dates carry year and month (the day is always 1 in this copy); spans end in 2016-12. A dyad-year takes the closest (lowest non-zero) type in force in any part of the year, as peacesciencer's add_contiguity() does.",
    "Both orders of a pair are listed; they are stored as given (ccode1, ccode2) and read as one undirected pair.",
  ],
  required: ["ccode1", "ccode2", "conttype", "stdate", "enddate"],
  mapper: (col) => {
    const [c1, c2, t, s, e] = ["ccode1", "ccode2", "conttype", "stdate", "enddate"].map(col) as [
      number,
      number,
      number,
      number,
      number,
    ];
    return (f, _line, out) => {
      const type = requireInteger(f[t], "conttype");
      if (type < 0 || type > 5) throw new FieldError(`conttype: ${type} is not 0-5`);
      const start = parseDate(f[s], "stdate");
      const end = parseDate(f[e], "enddate");
      if (start === null) throw new FieldError("stdate is missing");
      if (end === null) throw new FieldError("enddate is missing");
      if (end < start) throw new FieldError(`enddate ${end} is before stdate ${start}`);
      out.row([requireInteger(f[c1], "ccode1"), requireInteger(f[c2], "ccode2"), type, start, end]);
    };
  },
});
