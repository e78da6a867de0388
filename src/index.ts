/**
 * The public library API of Entente. The CLI and (later) the server are thin shells over these.
 */

export {
  type AssessedEvidence,
  type AssessResult,
  assess,
  type BindingResult,
  evaluateBinding,
} from "./assess/assess.js";
export {
  CaseError,
  type CaseProblem,
  loadCase,
  parseCase,
} from "./assess/case-file.js";
export { DEFAULT_CASES_DIR, locateCase, resolveCasePath } from "./assess/case-location.js";
export { type CaseFile, CaseSchema, caseJsonSchema } from "./assess/case-schema.js";
export { CaseRepository } from "./assess/case-store.js";
export {
  applyRule,
  bayesPosterior,
  diagnosticity,
  heuerScores,
  parcScores,
  RULES,
  type RuleName,
  sensitivity,
} from "./assess/scoring.js";
export {
  type Bloc,
  type BlocMember,
  type BlocsOptions,
  type BlocsResult,
  type BlocYear,
  blocs,
  blocTimeline,
  blocYear,
  detectBlocs,
  type TimelineOptions,
  type TimelineRow,
  timelineCsv,
  timelineRows,
  yearNetwork,
} from "./blocs/blocs.js";
export { type Consensus, type ConsensusOptions, consensusPartition } from "./blocs/consensus.js";
export { type BlocMatrix, blocMatrix, type MatrixState, matrixOf } from "./blocs/matrix.js";
export {
  BLOC_MEASURE_DEFS,
  BLOC_MEASURES,
  type BlocMeasure,
  type BlocMeasureName,
  blocMeasure,
} from "./blocs/measures.js";
export { modularity } from "./blocs/modularity.js";
export {
  type Neighbour,
  type NeighboursResult,
  neighbours,
  neighboursIn,
} from "./blocs/neighbours.js";
export { type SimilarityNetwork, similarityOf } from "./blocs/similarity-network.js";
export {
  type StateTimeline,
  type StateTimelineOptions,
  stateTimeline,
} from "./blocs/state-timeline.js";
export {
  resolutionRange,
  resolutionSweep,
  type SweepPoint,
  type SweepResult,
} from "./blocs/sweep.js";
export {
  allStates,
  type CodeSystem,
  isSystemMember,
  lookupCountry,
  type Resolution,
  resolveCountry,
  type State,
  stateByCcode,
  systemMembers,
} from "./core/crosswalk.js";
export {
  AccountingError,
  BadFileError,
  BadInputError,
  EntenteError,
  StoreError,
  UnknownCountryError,
} from "./core/errors.js";
export {
  type AddIndicatorsOptions,
  addIndicators,
  type IndicatorColumns,
} from "./frames/add-indicators.js";
export { createDyadYears, type DyadYearsOptions } from "./frames/create-dyad-years.js";
export { type DyadOptions, dyad } from "./frames/dyad.js";
export type {
  DyadResult,
  DyadRow,
  DyadTrends,
  IndicatorTrends,
  StateRef,
} from "./frames/dyad-result.js";
export { type DyadTrendOptions, dyadTrends } from "./frames/dyad-trends.js";
export { type Frame, frameOf, PERIOD_KINDS, type PeriodKind } from "./frames/frame.js";
export {
  PANEL_FORMATS,
  type PanelFormat,
  type PanelOptions,
  panel,
  parseDyads,
  writePanel,
} from "./frames/panel.js";
export {
  type IdealPointOptions,
  type IdealPoints,
  idealPoints,
} from "./idealpoints/ideal-points.js";
export { writeIdealPoints } from "./idealpoints/write-ideal-points.js";
export {
  COOPERATION_COMPONENTS,
  type CompositeWeights,
  computeComposites,
  DEFAULT_WEIGHTS,
  DEPENDENCE_COMPONENTS,
  parseWeights,
} from "./indicators/composite.js";
export {
  type EventFilter,
  FAMILIES,
  type Family,
  type FamilyComputer,
  type IndicatorDef,
} from "./indicators/indicator.js";
export {
  FAMILY_COMPUTERS,
  INDICATORS,
  indicatorDef,
  selectIndicators,
} from "./indicators/registry.js";
export {
  FILE_STATUSES,
  type FileReport,
  type FileStatus,
  type IngestOptions,
  type IngestResult,
  ingest,
  loadFile,
} from "./ingest/index.js";
export { buildReport, type ReportModel } from "./report/model.js";
export { writeReport } from "./report/write.js";
export { createApp } from "./server/app.js";
export { startServer } from "./server/serve.js";
export { describeSources, type SourceDescription } from "./sources/describe.js";
export { EVENT_LAYOUTS } from "./sources/events/layouts.js";
export { SOURCES, sourceByName } from "./sources/index.js";
export type { Source, SourceInfo } from "./sources/source.js";
export type { EventLayout } from "./store/bulk-csv.js";
export { DuckDbStore } from "./store/duckdb/duckdb-store.js";
export { openStore, storeLocation } from "./store/open.js";
export { TABLES, type TableName, type TableSpec } from "./store/schema.js";
export type {
  IdealPointFitRecord,
  IdealPointRow,
  ProvenanceRecord,
  Store,
  StoreCapabilities,
} from "./store/store.js";
export {
  type Changepoint,
  type ChangepointOptions,
  type ChangepointResult,
  DEFAULT_METHOD,
  detectChangepoints,
  METHODS,
  type Method,
  penaltyPath,
  type Segment,
} from "./trends/changepoints.js";
export { COUNT_MODELS, type CountModelName } from "./trends/count-model.js";
export { describeSeries, type SeriesDescription } from "./trends/describe-series.js";
export { mannKendall } from "./trends/mann-kendall.js";
export { changepointsOnRows } from "./trends/observed.js";
export { PENALTIES, type PenaltyName } from "./trends/penalty.js";
export { theilSen } from "./trends/theil-sen.js";
export { type Trend, trend } from "./trends/trend.js";
