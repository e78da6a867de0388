/** Report charts: dyad rows → Vega-Lite spec → SVG (see chart.ts for the shared config). */
import { alignmentChart } from "./alignment.js";
import { allianceTimeline } from "./alliances.js";
import { armsChart } from "./arms.js";
import { asymmetryItems, asymmetryProfile } from "./asymmetry.js";
import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import { eventsChart, hasEventData } from "./events.js";
import { exercisesChart } from "./exercises.js";
import { tradeSharesChart } from "./trade-shares.js";
import { unVotingChart } from "./un-voting.js";

export { alignmentChart, coverageRuns } from "./alignment.js";
export { ALLIANCE_TYPES, allianceTimeline } from "./alliances.js";
export { armsChart } from "./arms.js";
export { type AsymmetryItem, asymmetryItems, asymmetryProfile } from "./asymmetry.js";
export {
  CHART_CONFIG,
  CHART_FONT,
  CHART_HEIGHT,
  CHART_WIDTH,
  type Chart,
  type ChartOptions,
  type ChartRow,
  type ChartRows,
  PALETTE,
  renderSvg,
} from "./chart.js";
export { eventsChart, hasEventData } from "./events.js";
export { exercisesChart } from "./exercises.js";
export { tradeSharesChart } from "./trade-shares.js";
export { unVotingChart } from "./un-voting.js";

/**
 * The report's charts in order: UN voting, trade shares, arms, alliances, exercises, events (only
 * when some GDELT or ICEWS value exists), the alignment profile, dependence asymmetry.
 */
export function reportCharts(rows: ChartRows, opts: ChartOptions): Chart[] {
  return [
    unVotingChart(rows, opts),
    tradeSharesChart(rows, opts),
    armsChart(rows, opts),
    allianceTimeline(rows, opts),
    exercisesChart(rows, opts),
    ...(hasEventData(rows) ? [eventsChart(rows, opts)] : []),
    alignmentChart(rows, opts),
    asymmetryProfile(asymmetryItems(rows, opts), opts),
  ];
}
