#!/usr/bin/env node
// COW Trade 4.0 against IMF IMTS where both cover a dyad-year (docs/sources.md, "Trade: COW and
// IMTS"): per dyad the log correlation and the median |log ratio| of the two totals.
//   npm run trade-overlap -- --store entente.duckdb [--from 1995] [--to 2014] [--out overlap.csv] [--json]
// The store must hold COW Trade 4.0 (entente sync cow-trade) and IMTS for the dyads wanted
// (entente sync imf-imts, with --pairs or for all).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { tradeOverlap } from "../src/indicators/trade-overlap.js";
import { openStore, storeLocation } from "../src/store/open.js";

const { values: args } = parseArgs({
  options: {
    store: { type: "string" },
    from: { type: "string", default: "1995" },
    to: { type: "string", default: "2014" },
    out: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const store = await openStore(storeLocation(args.store), { readOnly: true });
try {
  const r = await tradeOverlap(store, { from: Number(args.from), to: Number(args.to) });
  if (args.out) {
    const lines = ["ccode1,ccode2,years,log_correlation,median_abs_log_ratio"];
    for (const d of r.dyads) {
      lines.push(`${d.ccode1},${d.ccode2},${d.n},${d.logCorrelation ?? ""},${d.medianAbsLogRatio}`);
    }
    writeFileSync(args.out, `${lines.join("\n")}\n`);
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    const f = (x: number | null, d = 3) => (x === null ? "–" : x.toFixed(d));
    process.stdout.write(
      `COW Trade 4.0 and IMF IMTS, ${r.from}–${r.to}: ${r.dyads.length} dyads, ${r.dyadYears} dyad-years with both totals.\n` +
        `Median over dyads: log correlation ${f(r.medianLogCorrelation)}, median |log ratio| ${f(r.medianAbsLogRatio)}; ` +
        `dyad-years within 10 %: ${r.shareWithin10Percent === null ? "–" : `${(100 * r.shareWithin10Percent).toFixed(1)} %`}.\n`,
    );
    if (!r.dyads.length) {
      process.stdout.write(
        "Nothing to compare: load COW Trade 4.0 and IMTS for the same dyads first (entente sync cow-trade imf-imts --pairs A-B).\n",
      );
    }
  }
} finally {
  await store.close();
}
