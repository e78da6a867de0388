/**
 * The version of the store's schema, for every backend: DuckDB reaches it through its numbered
 * migrations (duckdb/ddl.ts; the last one must carry this number, checked when the module loads),
 * ClickHouse creates what is missing and records it (clickhouse/clickhouse-store.ts). 7: dataset
 * releases (issue 20); 8: the event cube (issue 21).
 */
export const SCHEMA_VERSION = 8;
