#!/usr/bin/env node
// The yardstick of the GDELT ingest benchmark: DuckDB itself reading a GDELT 2.0 export into a
// fresh database file with CREATE TABLE … AS SELECT … FROM read_csv(…).
//   node bench/duckdb-ctas.mjs DB_FILE CSV_FILE [--auto]
// Default: the typed read Entente does — the 61 columns with the layout's types and date
// format, the 28 columns Entente stores (src/sources/events/layouts.ts, from the built dist/).
// --auto: every column, types auto-detected (the yardstick before issue 21).
import { createRequire } from "node:module";

const [db, csv, mode] = process.argv.slice(2);
if (!db || !csv) {
  console.error("usage: duckdb-ctas.mjs DB_FILE CSV_FILE [--auto]");
  process.exit(2);
}
const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const ident = (s) => `"${String(s).replaceAll('"', '""')}"`;
let sql;
if (mode === "--auto") {
  sql = `CREATE TABLE events AS SELECT * FROM read_csv(${lit(csv)})`;
} else {
  const { GDELT2: l } = await import("../dist/sources/events/layouts.js");
  const types = {
    bigint: "BIGINT",
    int: "INTEGER",
    double: "DOUBLE",
    date: "DATE",
    text: "VARCHAR",
  };
  const columns = l.columns.map((c) => `${lit(c)}: ${lit(types[l.types[c] ?? "text"])}`);
  // The same 28 stored columns: the country codes, filled later by Entente, as typed nulls.
  const project = (p) =>
    "from" in p
      ? ident(p.from)
      : "equals" in p
        ? `(${ident(p.equals)} = ${p.value})`
        : "constant" in p
          ? String(p.constant)
          : "CAST(NULL AS INTEGER)";
  const stored = Object.entries(l.projection).map(([n, p]) => `${project(p)} AS ${ident(n)}`);
  sql = `CREATE TABLE events AS SELECT ${stored.join(", ")} FROM read_csv(${lit(csv)},
    delim = '\\t', header = false, quote = '', escape = '', auto_detect = false,
    columns = {${columns.join(", ")}}, dateformat = ${lit(l.dateFormat)}, nullstr = [''])`;
}
const { DuckDBInstance } = createRequire(import.meta.url)("@duckdb/node-api");
const instance = await DuckDBInstance.create(db);
const con = await instance.connect();
await con.run(sql);
con.closeSync();
instance.closeSync();
