#!/usr/bin/env node
// The yardstick of the GDELT ingest benchmark: DuckDB itself loading a file with
// CREATE TABLE … AS SELECT * FROM read_csv(…) (auto-detected types) into a fresh database file.
//   node bench/duckdb-ctas.mjs DB_FILE CSV_FILE
import { createRequire } from "node:module";

const [db, csv] = process.argv.slice(2);
if (!db || !csv) {
  console.error("usage: duckdb-ctas.mjs DB_FILE CSV_FILE");
  process.exit(2);
}
const { DuckDBInstance } = createRequire(import.meta.url)("@duckdb/node-api");
const instance = await DuckDBInstance.create(db);
const con = await instance.connect();
await con.run(`CREATE TABLE events AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}')`);
con.closeSync();
instance.closeSync();
