import { FieldError, requireInteger } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

/**
 * The matched resolutions of Bailey, Strezhnev & Voeten (2017): pairs rcid1, rcid2 of roll calls
 * on resolutions with identical text in different sessions (`Data/Matches.csv` of
 * github.com/evoeten/United-Nations-General-Assembly-Votes-and-Ideal-Points; a leading row
 * number column such as `v1` is ignored). The ideal-point model gives both roll calls of a pair
 * the same item parameters, which makes positions comparable across sessions.
 */
export const ungaMatches = tabularSource({
  name: "unga-matches",
  title: "UN General Assembly matched resolutions (Bailey, Strezhnev & Voeten)",
  version: "Matches.csv at commit a6dce7e of the authors' repository",
  citation:
    'Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. "Estimating Dynamic State Preferences from United Nations Voting Data." Journal of Conflict Resolution 61(2): 430-456. Data: github.com/evoeten/United-Nations-General-Assembly-Votes-and-Ideal-Points (Data/Matches.csv).',
  homepage: "https://github.com/evoeten/United-Nations-General-Assembly-Votes-and-Ideal-Points",
  license: "MIT (repository licence)",
  unit: "roll_call_pair",
  table: "un_matches",
  yearColumn: null,
  caveats: [
    "The pairs were made for the authors' 2017-2020 vote data; the rcids of other releases are believed to name the same roll calls but this is not guaranteed. The ideal-point fit uses a pair only when both roll calls are among the loaded votes and lie in different sessions, and counts the others.",
    "A pair whose two rcids are equal is a reject.",
  ],
  required: ["rcid1", "rcid2"],
  mapper: (col) => {
    const [a, b] = ["rcid1", "rcid2"].map(col) as [number, number];
    return (f, _line, out) => {
      const rcid1 = requireInteger(f[a], "rcid1");
      const rcid2 = requireInteger(f[b], "rcid2");
      if (rcid1 === rcid2) throw new FieldError(`rcid1 and rcid2 are both ${rcid1}`);
      out.row([rcid1, rcid2]);
    };
  },
});
