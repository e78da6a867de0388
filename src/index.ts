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
  resolveCasePath,
} from "./assess/case-file.js";
export { type CaseFile, CaseSchema, caseJsonSchema } from "./assess/case-schema.js";
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
export {
  type DyadOptions,
  type DyadResult,
  type DyadRow,
  dyad,
  type StateRef,
} from "./frames/dyad.js";
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
  ALIGNMENT_COMPONENTS,
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
  type Frame,
  frameOf,
  type IndicatorDef,
  PERIOD_KINDS,
  type PeriodKind,
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
export { EVENT_LAYOUTS, type EventLayout } from "./sources/events/layouts.js";
export { SOURCES, sourceByName } from "./sources/index.js";
export type { Source, SourceInfo } from "./sources/source.js";
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
