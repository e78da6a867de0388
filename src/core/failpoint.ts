/**
 * Named points where a test can make the process die as a crash would (SIGKILL: no handler,
 * no cleanup, no flush), to check that what a killed load leaves behind is consistent:
 * `ENTENTE_FAILPOINT=<name> entente ingest …`. Unset, a failpoint costs one property read.
 */
export type FailpointName =
  /** DuckDB: the file's rows, cube and provenance written, the transaction not yet committed. */
  | "event-load:before-commit"
  /** ClickHouse: the file's cube cells written, its events not yet moved. */
  | "event-load:after-cube"
  /** ClickHouse: the file's events moved too, its provenance not yet written. */
  | "event-load:after-move";

export function failpoint(name: FailpointName): void {
  if (process.env.ENTENTE_FAILPOINT === name) process.kill(process.pid, "SIGKILL");
}
