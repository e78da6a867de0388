/**
 * Bulk loading of event files into DuckDB with its own parallel CSV reader (read_csv with
 * store_rejects), inside one transaction per file. The steps are driven and checked by
 * src/ingest/load-events.ts; this file only holds the SQL.
 */
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import { cameoEventCodes, isCameoEventCode, quadClassSql } from "../../core/cameo.js";
import { AccountingError } from "../../core/errors.js";
import { failpoint } from "../../core/failpoint.js";
import type { CsvType, EventLayout, EventRule, Projection } from "../bulk-csv.js";
import type { CoverageSpan } from "../coverage-span.js";
import { coverageFactsSql, fileCoverage, toFacts, updateSpans } from "../event-coverage.js";
import { CUBE_TABLE, VOLUME_TABLE } from "../event-cube.js";
import { withContent } from "../releases.js";
import { TABLES } from "../schema.js";
import { quoteIdent, quoteLiteral } from "../sql.js";
import type {
  CountryValue,
  CsvReadSpec,
  EventCommitInput,
  EventFileMeta,
  EventLoadSession,
  InvalidRecord,
  LoadResult,
  Reject,
} from "../store.js";
import { insertCubeSql, insertVolumeSql } from "./ddl.js";
import { changeOf, type Replacing, recordRelease } from "./duckdb-releases.js";

const CSV_TYPES: Record<CsvType, string> = {
  bigint: "BIGINT",
  int: "INTEGER",
  double: "DOUBLE",
  date: "DATE",
  text: "VARCHAR",
};

function projectionSql(p: Projection): string {
  if ("from" in p) return quoteIdent(p.from);
  if ("equals" in p) return `(${quoteIdent(p.equals)} = ${p.value})`;
  if ("quadOf" in p) return quadClassSql(quoteIdent(p.quadOf));
  if ("constant" in p) return String(p.constant);
  return "NULL";
}

const cameoList = (): string => cameoEventCodes().map(quoteLiteral).join(", ");

/** SQL that is true when a stored row breaks the rule. */
function ruleSql(rule: EventRule): string {
  const col = quoteIdent(rule.column);
  switch (rule.kind) {
    case "required":
      return `${col} IS NULL`;
    case "digits": {
      // The column is a number: n digits is the range [10^(n-1), 10^n - 1] (0 has one digit).
      // Ranges, not the length of its text: casting every row to text cost 0.15 s per 2 M.
      const ranges = rule.lengths.map(
        (n) => `${col} BETWEEN ${n === 1 ? 0 : 10n ** BigInt(n - 1)} AND ${10n ** BigInt(n) - 1n}`,
      );
      return `(${col} IS NOT NULL AND NOT (${ranges.join(" OR ")}))`;
    }
    case "cameo":
      return `(${col} IS NULL OR ${col} NOT IN (${cameoList()}))`;
    case "root":
      return `${col} IS DISTINCT FROM substr(${quoteIdent(rule.codeColumn)}, 1, 2)`;
  }
}

/** Whether a code rule is broken by one combination of values (as ruleSql says in SQL). */
function codeRuleBroken(rule: EventRule, value: (column: string) => string | null): boolean {
  if (rule.kind === "cameo") {
    const v = value(rule.column);
    return v === null || !isCameoEventCode(v);
  }
  if (rule.kind === "root") {
    const code = value(rule.codeColumn);
    return value(rule.column) !== (code === null ? null : code.slice(0, 2));
  }
  return false;
}

/** "Error when converting column "X". Could not convert string "abc" to 'DOUBLE'" → shorter. */
export function rejectReason(errorType: string, column: string | null, message: string): string {
  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count) return `expected ${count[1]} fields, found ${count[2]}`;
  const cast = /Could not convert string "(.*)" to '([^']+)'/.exec(message);
  if (errorType === "CAST" && cast) {
    return `${column ?? "a field"}: "${cast[1]}" is not a valid ${(cast[2] ?? "").toLowerCase()}`;
  }
  const first = message.split("\n")[0] ?? message;
  return `${errorType.toLowerCase()}${column ? ` in ${column}` : ""}: ${first}`;
}

/**
 * What a connection keeps from one load to the next, so that loading a GDELT 2.0 update file
 * (about 2,000 rows) is not dominated by set-up: its insertion-order setting, and the
 * temporary table holding the country-code array of the current map (about 10,000 codes,
 * filled through an appender: 3–5 ms a load). A table made by a load that is rolled back is
 * gone with it; that load forgets it (`owner`).
 */
interface Kept {
  preserveOrder?: boolean;
  countryMap?: {
    readonly map: readonly CountryMapEntry[];
    /** The temporary table of (position, code), and what positions mean: value × year. */
    readonly stage: string;
    readonly values: readonly string[];
    readonly from: number;
    readonly to: number;
    owner: DuckDbEventSession | null;
  };
}
type CountryMapEntry = NonNullable<CsvReadSpec["countries"]>[number];
const kept = new WeakMap<DuckDBConnection, Kept>();
let countryMaps = 0;

function keptOf(con: DuckDBConnection): Kept {
  let k = kept.get(con);
  if (!k) {
    k = {};
    kept.set(con, k);
  }
  return k;
}

export class DuckDbEventSession implements EventLoadSession {
  private readonly table: string;
  private readonly where: string;
  private closed = false;
  /** Rows of the file repeating an id, when readCsv counted them. */
  private repeated: number | null = null;
  /** SQL of the rows breaking a rule, once found (invalidPredicate). */
  private invalid: string | null = null;

  constructor(
    private readonly con: DuckDBConnection,
    private readonly meta: EventFileMeta,
    private readonly layout: EventLayout,
    private readonly fileId: number,
    private readonly tag: string,
    /** The earlier release of the file's period, already archived in this transaction. */
    private readonly replacing: Replacing | null = null,
  ) {
    this.table = quoteIdent(TABLES[layout.table].name);
    this.where = `file_id = ${fileId}`;
  }

  private async scalar(sql: string): Promise<number> {
    const r = await this.con.runAndReadAll(sql);
    return Number(r.getRows()[0]?.[0] ?? 0);
  }

  async readCsv(
    spec: CsvReadSpec,
    onProgress?: (fraction: number) => void,
  ): Promise<{ rowsRead: number; rejects: Reject[] }> {
    const l = spec.layout;
    const columns = spec.columns
      .map((c) => `${quoteLiteral(c)}: ${quoteLiteral(CSV_TYPES[l.types[c] ?? "text"])}`)
      .join(", ");
    const stored = Object.entries(l.projection);
    const rejTable = `${this.tag}_rejects`;
    const rejScan = `${this.tag}_scans`;
    const options = [
      "delim = '\\t'",
      `header = ${l.header}`,
      "quote = ''",
      "escape = ''",
      "auto_detect = false",
      `columns = {${columns}}`,
      `dateformat = ${quoteLiteral(l.dateFormat)}`,
      `nullstr = [${l.nullStrings.map(quoteLiteral).join(", ")}]`,
      "strict_mode = true",
      `null_padding = ${l.minColumns < spec.columns.length}`,
      "store_rejects = true",
      `rejects_table = ${quoteLiteral(rejTable)}`,
      `rejects_scan = ${quoteLiteral(rejScan)}`,
      "max_line_size = 1048576",
    ];
    // Country codes known before the read are set as the rows are read: setting them
    // afterwards (UPDATE) rewrote two columns of every row and made the commit cost a second.
    const codes = spec.countries?.length ? await this.countryCodes(spec) : null;
    const insert = () => {
      const project = (p: Projection): string =>
        codes && "country" in p ? (codes.columns.get(p.country) ?? "NULL") : projectionSql(p);
      return `INSERT INTO ${this.table} (${stored.map(([c]) => quoteIdent(c)).join(", ")}, file_id, line)
        SELECT ${stored.map(([, p]) => project(p)).join(", ")}, ${this.fileId}, NULL
        FROM read_csv(${quoteLiteral(spec.path)}, ${options.join(", ")})${codes ? `, ${codes.table}` : ""}`;
    };
    const timer =
      onProgress &&
      setInterval(() => {
        const p = this.con.progress.percentage;
        if (p >= 0) onProgress(Math.min(1, p / 100));
      }, 250);
    // The file's order matters only to keep the first of repeated GDELT ids (ICEWS drops rows
    // identical in every column, whichever comes first): reading without it costs about an
    // eighth less CPU. A file that does repeat an id is read again in order below; a pipe (a
    // zip) cannot be read twice, so it is read in order at once.
    const again = spec.once !== true;
    const was = await this.preserveOrder(this.layout.id.unique && !again);
    let rowsRead: number;
    try {
      rowsRead = (await this.con.run(insert())).rowsChanged;
      if (this.layout.id.unique && (await spec.idsAscending?.())) this.repeated = 0;
      else if (again && this.layout.id.unique) {
        const id = quoteIdent(this.layout.id.column);
        this.repeated = await this.scalar(
          `SELECT count(*) - count(DISTINCT ${id}) FROM ${this.table} WHERE ${this.where}`,
        );
        if (this.repeated > 0) {
          // A repeated id keeps its first line: read again in order (rare: GDELT repeats no id).
          await this.con.run(`DELETE FROM ${this.table} WHERE ${this.where}`);
          await this.con.run(`DROP TABLE IF EXISTS temp.${quoteIdent(rejTable)}`);
          await this.con.run(`DROP TABLE IF EXISTS temp.${quoteIdent(rejScan)}`);
          await this.preserveOrder(true);
          rowsRead = (await this.con.run(insert())).rowsChanged;
        }
      }
    } finally {
      if (timer) clearInterval(timer);
      await this.preserveOrder(was);
    }
    const r = await this.con.runAndReadAll(
      `SELECT line, error_type, column_name, error_message FROM ${quoteIdent(rejTable)} ORDER BY line, column_idx`,
    );
    const byLine = new Map<number, string>();
    for (const [line, type, column, message] of r.getRows()) {
      const n = Number(line);
      if (!byLine.has(n)) {
        byLine.set(
          n,
          rejectReason(String(type), column == null ? null : String(column), String(message)),
        );
      }
    }
    await this.con.run(`DROP TABLE IF EXISTS temp.${quoteIdent(rejTable)}`);
    await this.con.run(`DROP TABLE IF EXISTS temp.${quoteIdent(rejScan)}`);
    return { rowsRead, rejects: [...byLine].map(([line, reason]) => ({ line, reason })) };
  }

  /** Set whether inserts keep the order of their input; returns the previous setting. */
  private async preserveOrder(on: boolean): Promise<boolean> {
    const k = keptOf(this.con);
    let was = k.preserveOrder;
    if (was === undefined) {
      const r = await this.con.runAndReadAll("SELECT current_setting('preserve_insertion_order')");
      was = r.getRows()[0]?.[0] === true;
    }
    if (was !== on) await this.con.run(`SET preserve_insertion_order = ${on}`);
    k.preserveOrder = on;
    return was;
  }

  /**
   * SQL giving the COW code of each country column of the layout from the file's columns, by
   * lookup in a constant array: the value's position in an ENUM of the map's values times the
   * years, plus the year. A hash join with the map as a table cost two to four seconds of CPU
   * per two million rows, this lookup under one. Values or years outside the map give null.
   * The array is the one row of a table joined to the rows (`table`), not a literal in each
   * expression: DuckDB rebuilt a literal list of 10,000 codes for every chunk of 2,048 rows
   * (0.6 s of CPU per 2,000,000 rows), the joined row is referenced. It is built from a
   * temporary table filled through an appender, which the connection keeps for the next load
   * while the map is the same (`Kept`): as a literal in the SQL text, parsing it cost about
   * 40 ms per load, whatever the file's size.
   */
  private async countryCodes(
    spec: CsvReadSpec,
  ): Promise<{ table: string; columns: Map<string, string> }> {
    const map = spec.countries ?? [];
    const k = keptOf(this.con);
    if (k.countryMap?.map !== map) {
      const values = [...new Set(map.map((m) => m.value))];
      const from = Math.min(...map.map((m) => m.year));
      const to = Math.max(...map.map((m) => m.year));
      const years = to - from + 1;
      const codes = new Array<number | null>(values.length * years).fill(null);
      const index = new Map(values.map((v, i) => [v, i]));
      for (const m of map) codes[(index.get(m.value) as number) * years + m.year - from] = m.ccode;
      if (k.countryMap) await this.con.run(`DROP TABLE IF EXISTS ${k.countryMap.stage}`);
      k.countryMap = undefined;
      const stage = await this.tempTable(
        `entente_country_map_${process.pid}_${++countryMaps}`,
        "pos INTEGER, ccode INTEGER",
        codes.keys(),
        (ap, i) => {
          ap.appendInteger(i);
          const c = codes[i] ?? null;
          if (c === null) ap.appendNull();
          else ap.appendInteger(c);
        },
      );
      k.countryMap = { map, stage, values, from, to, owner: this };
    }
    const { stage, values, from, to } = k.countryMap;
    const years = to - from + 1;
    const l = spec.layout;
    const source = (stored: string): string => {
      const p = l.projection[stored];
      if (!p || !("from" in p)) throw new Error(`${l.name}: ${stored} is not read from a column`);
      return quoteIdent(p.from);
    };
    const year = `year(${source(l.dateColumn)})`;
    const type = `ENUM(${values.map(quoteLiteral).join(", ")})`;
    const alias = "entente_country_map";
    const out = new Map<string, string>();
    for (const [col] of l.countries) {
      const position = `enum_code(TRY_CAST(${source(col)} AS ${type}))::INTEGER`;
      out.set(
        col,
        `CASE WHEN ${year} BETWEEN ${from} AND ${to} THEN ${alias}.ccodes[${position} * ${years} + ${year} - ${from - 1}] END`,
      );
    }
    return {
      table: `(SELECT list(ccode ORDER BY pos) AS ccodes FROM ${stage}) AS ${alias}`,
      columns: out,
    };
  }

  /**
   * A temporary table `name` (`columns`: its SQL column definitions) filled through an
   * appender, `append` writing each row's values; returns its qualified name. Thousands of
   * single INSERTs cost more than the load they serve.
   */
  private async tempTable<T>(
    name: string,
    columns: string,
    rows: Iterable<T>,
    append: (ap: DuckDBAppender, row: T) => void,
  ): Promise<string> {
    await this.con.run(`CREATE TEMP TABLE ${quoteIdent(name)} (${columns})`);
    const ap = await this.con.createAppender(name, "main", "temp");
    for (const row of rows) {
      append(ap, row);
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    return `temp.${quoteIdent(name)}`;
  }

  /**
   * SQL true for the file's rows that break a rule. The code rules (a CAMEO code, a root that
   * matches it) are checked in JavaScript on the distinct values of their columns, a few hundred
   * groups: testing each of millions of rows against the list of CAMEO codes cost more than a
   * second of CPU per two million rows. The predicate then names the bad values found, and
   * is "false" when the file keeps every rule.
   */
  private async invalidPredicate(): Promise<string> {
    if (this.invalid !== null) return this.invalid;
    const rules = this.layout.rules;
    const codeRules = rules.filter((r) => r.kind === "cameo" || r.kind === "root");
    const rowRules = rules.filter((r) => r.kind === "required" || r.kind === "digits");
    const cols = [
      ...new Set(
        codeRules.flatMap((r) => (r.kind === "root" ? [r.column, r.codeColumn] : [r.column])),
      ),
    ];
    const rowSql = rowRules.map(ruleSql).join(" OR ") || "false";
    const r = await this.con.runAndReadAll(
      `SELECT ${[...cols.map(quoteIdent), `count(*) FILTER (WHERE ${rowSql})`].join(", ")}
       FROM ${this.table} WHERE ${this.where} GROUP BY ALL`,
    );
    const parts: string[] = [];
    let rowBreakers = 0;
    for (const row of r.getRows()) {
      const value = (col: string): string | null => {
        const v = row[cols.indexOf(col)];
        return v === null || v === undefined ? null : String(v);
      };
      rowBreakers += Number(row[cols.length]);
      if (codeRules.some((rule) => codeRuleBroken(rule, value))) {
        parts.push(
          cols
            .map((c, i) => {
              const v = row[i];
              return `${quoteIdent(c)} IS NOT DISTINCT FROM ${v === null || v === undefined ? "NULL" : quoteLiteral(String(v))}`;
            })
            .join(" AND "),
        );
      }
    }
    if (rowBreakers > 0) parts.push(rowSql);
    this.invalid = parts.length ? parts.map((p) => `(${p})`).join(" OR ") : "false";
    return this.invalid;
  }

  async invalidRecords(): Promise<InvalidRecord[]> {
    const where = await this.invalidPredicate();
    if (where === "false") return [];
    const id = quoteIdent(this.layout.id.column);
    const cases = this.layout.rules
      .map((rule) => `WHEN ${ruleSql(rule)} THEN ${quoteLiteral(rule.field)}`)
      .join(" ");
    const r = await this.con.runAndReadAll(
      `SELECT CAST(${id} AS VARCHAR) AS id, CASE ${cases} END AS rule FROM ${this.table}
       WHERE ${this.where} AND (${where})`,
    );
    return r.getRowObjectsJS().map((row) => ({
      id: row.id == null ? null : String(row.id),
      reason: String(row.rule),
    }));
  }

  async deleteInvalid(): Promise<number> {
    const where = await this.invalidPredicate();
    if (where === "false") return 0;
    const r = await this.con.run(`DELETE FROM ${this.table} WHERE ${this.where} AND (${where})`);
    return r.rowsChanged;
  }

  async countryValues(): Promise<CountryValue[]> {
    const date = quoteIdent(this.layout.dateColumn);
    const parts = this.layout.countries.map(
      ([col, ccode]) =>
        `SELECT ${quoteIdent(col)} AS v, year(${date}) AS y FROM ${this.table}
         WHERE ${this.where} AND ${quoteIdent(ccode)} IS NULL`,
    );
    const r = await this.con.runAndReadAll(
      `SELECT v, y, count(*) AS n FROM (${parts.join(" UNION ALL ")}) WHERE v IS NOT NULL GROUP BY v, y`,
    );
    return r.getRows().map(([v, y, n]) => ({ value: String(v), year: Number(y), rows: Number(n) }));
  }

  async setCountries(
    map: ReadonlyArray<{ value: string; year: number; ccode: number }>,
  ): Promise<void> {
    if (!map.length) return;
    const mapTable = await this.tempTable(
      `${this.tag}_countries`,
      "v VARCHAR, y INTEGER, ccode INTEGER",
      map,
      (ap, m) => {
        ap.appendVarchar(m.value);
        ap.appendInteger(m.year);
        ap.appendInteger(m.ccode);
      },
    );
    const date = quoteIdent(this.layout.dateColumn);
    for (const [col, ccodeCol] of this.layout.countries) {
      await this.con.run(
        `UPDATE ${this.table} SET ${quoteIdent(ccodeCol)} = m.ccode FROM ${mapTable} m
         WHERE ${this.table}.file_id = ${this.fileId} AND ${this.table}.${quoteIdent(col)} = m.v
           AND year(${this.table}.${date}) = m.y`,
      );
    }
    await this.con.run(`DROP TABLE ${mapTable}`);
  }

  async removeDuplicates(): Promise<{
    duplicates: number;
    collisions: number;
    collisionIds: string[];
  }> {
    const duplicates = (await this.removeStored()) + (await this.removeRepeated());
    if (this.layout.id.unique) return { duplicates, collisions: 0, collisionIds: [] };
    const t = this.table;
    const id = quoteIdent(this.layout.id.column);
    const r = await this.con.runAndReadAll(
      `SELECT CAST(${id} AS VARCHAR) AS id FROM ${t}
       WHERE ${id} IN (SELECT ${id} FROM ${t} WHERE ${this.where})
       GROUP BY ${id} HAVING count(*) > 1 ORDER BY ${id}`,
    );
    const ids = r.getRows().map((row) => String(row[0]));
    return { duplicates, collisions: ids.length, collisionIds: ids.slice(0, 20) };
  }

  /**
   * Delete this file's records already stored by other files: by id when the source promises
   * unique ids (GDELT), else only rows identical in every column (ICEWS ids are not unique).
   */
  private async removeStored(): Promise<number> {
    const t = this.table;
    const id = quoteIdent(this.layout.id.column);
    if (this.layout.id.unique) {
      // GDELT ids grow with time: bounding the stored ids by this file's range lets the engine
      // skip the row groups of other periods instead of scanning every stored id.
      const r = await this.con.runAndReadAll(
        `SELECT min(${id}), max(${id}) FROM ${t} WHERE ${this.where}`,
      );
      const [lo, hi] = r.getRows()[0] ?? [null, null];
      if (lo === null || hi === null) return 0;
      return (
        await this.con.run(
          `DELETE FROM ${t} WHERE ${this.where} AND ${id} IN (
             SELECT ${id} FROM ${t} WHERE file_id <> ${this.fileId}
             AND ${id} BETWEEN ${BigInt(lo as bigint)} AND ${BigInt(hi as bigint)})`,
        )
      ).rowsChanged;
    }
    const key = TABLES[this.layout.table].naturalKey.map(quoteIdent);
    const same = key.map((k) => `o.${k} IS NOT DISTINCT FROM n.${k}`).join(" AND ");
    return (
      await this.con.run(
        `DELETE FROM ${t} WHERE rowid IN (
           SELECT n.rowid FROM ${t} n JOIN ${t} o ON o.${id} = n.${id} AND o.file_id <> ${this.fileId}
           WHERE n.file_id = ${this.fileId} AND ${same})`,
      )
    ).rowsChanged;
  }

  /**
   * Delete records repeated within this file, keeping the first: the same id (GDELT) or the
   * same row (ICEWS). Public for the ClickHouse loader, which stages files in a scratch DuckDB.
   */
  async removeRepeated(): Promise<number> {
    const t = this.table;
    const id = quoteIdent(this.layout.id.column);
    const key = this.layout.id.unique ? [id] : TABLES[this.layout.table].naturalKey.map(quoteIdent);
    if (this.layout.id.unique) {
      // Counted by readCsv when it joined the country codes (rows deleted since cannot add any).
      const repeated =
        this.repeated ??
        (await this.scalar(
          `SELECT count(*) - count(DISTINCT ${id}) FROM ${t} WHERE ${this.where}`,
        ));
      if (repeated === 0) return 0;
    }
    return (
      await this.con.run(
        `DELETE FROM ${t} WHERE rowid IN (SELECT rid FROM (
           SELECT rowid AS rid, row_number() OVER (PARTITION BY ${key.join(", ")} ORDER BY rowid) AS rn
           FROM ${t} WHERE ${this.where}) WHERE rn > 1)`,
      )
    ).rowsChanged;
  }

  async counts(): Promise<{ rows: number; withoutDyad: number }> {
    const noState = this.layout.countries.map(([, c]) => `${quoteIdent(c)} IS NULL`).join(" OR ");
    const r = await this.con.runAndReadAll(
      `SELECT count(*), count(*) FILTER (WHERE ${noState}) FROM ${this.table} WHERE ${this.where}`,
    );
    const [rows, without] = r.getRows()[0] ?? [0, 0];
    return { rows: Number(rows), withoutDyad: Number(without) };
  }

  async coverage(fileName: string): Promise<CoverageSpan[]> {
    if (this.layout.name === "gdelt2") {
      // One DATEADDED per update file; only its distinct values matter, read as doubles (exact
      // below 2^53; BIGINTs arrive as slower BigInts) from the result's vectors into one typed
      // array (a resampled file has hundreds of thousands).
      const r = await this.con.run(
        `SELECT CAST(date_added AS DOUBLE) AS t FROM (SELECT DISTINCT date_added FROM ${this.table}
         WHERE ${this.where} AND date_added IS NOT NULL) ORDER BY t`,
      );
      const stamps = new Float64Array(r.rowCount);
      let n = 0;
      for (let c = 0; c < r.chunkCount; c++) {
        const v = r.getChunk(c).getColumnVector(0);
        for (let i = 0; i < v.itemCount; i++) stamps[n++] = v.getItem(i) as number;
      }
      return updateSpans(stamps);
    }
    const r = await this.con.runAndReadAll(
      coverageFactsSql(this.layout.table, "strftime(event_date, '%Y-%m-%d')", this.fileId),
    );
    return fileCoverage(this.layout.name, fileName, toFacts(r.getRowObjectsJS()));
  }

  async commit(input: EventCommitInput): Promise<LoadResult> {
    try {
      const [a, b] = this.layout.countries.map(([, c]) => quoteIdent(c));
      const r = await this.con.runAndReadAll(
        `SELECT count(*), count(*) FILTER (WHERE ${a} IS NOT NULL AND ${b} IS NOT NULL)
         FROM ${this.table} WHERE ${this.where}`,
      );
      const [rows, dyadic] = (r.getRows()[0] ?? [0, 0]).map(Number) as [number, number];
      const name = TABLES[this.layout.table].name;
      // The file's hash (read while it was loaded) and its content release, when it has one.
      const meta = withContent(this.meta, input.sha256);
      const change = this.replacing
        ? await changeOf(
            this.con,
            meta,
            name,
            `(SELECT * FROM ${this.table} WHERE ${this.where})`,
            this.replacing,
          )
        : undefined;
      const result: LoadResult = {
        fileId: this.fileId,
        rowsLoaded: rows,
        rowsDuplicate: input.rowsDuplicate,
        ...(change ? { change } : {}),
      };
      input.verify(result);
      await this.writeCube(rows, dyadic);
      await this.con.run(
        `INSERT INTO provenance VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()::TIMESTAMP)`,
        [
          this.fileId,
          this.meta.path,
          input.sha256,
          this.meta.size,
          this.meta.source,
          this.meta.sourceVersion,
          TABLES[this.layout.table].name,
          input.linesRead,
          result.rowsLoaded,
          input.rejects.length,
          result.rowsDuplicate,
        ],
      );
      await this.insertMany(
        "load_rejects",
        input.rejects.map((r) => [r.line, r.reason]),
      );
      await this.insertMany(
        "load_unresolved",
        input.unresolved.map((u) => [u.name, u.rows]),
      );
      await this.writeCoverage(input.coverage);
      await recordRelease(this.con, meta, name, this.fileId, change);
      failpoint("event-load:before-commit");
      await this.con.run("COMMIT");
      this.closed = true;
      const k = keptOf(this.con);
      if (k.countryMap?.owner === this) k.countryMap.owner = null;
      return result;
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  /** The file's cells of the event cube and its volume per day, checked against its rows. */
  private async writeCube(rows: number, dyadic: number): Promise<void> {
    const opts = { from: this.table, where: this.where, fileId: String(this.fileId) };
    await this.con.run(insertCubeSql(this.layout.table, opts));
    await this.con.run(insertVolumeSql(this.layout.table, opts));
    const r = await this.con.runAndReadAll(
      `SELECT (SELECT coalesce(sum(events), 0) FROM ${CUBE_TABLE} WHERE file_id = ${this.fileId}),
              (SELECT coalesce(sum(events), 0) FROM ${VOLUME_TABLE} WHERE file_id = ${this.fileId})`,
    );
    const [cube, volume] = (r.getRows()[0] ?? [0, 0]).map(Number) as [number, number];
    if (cube !== dyadic || volume !== rows) {
      throw new AccountingError(
        `${this.meta.path}: the event cube holds ${cube} events and the volume ${volume}, but ${dyadic} of the ${rows} rows loaded are between two states`,
      );
    }
  }

  /**
   * The spans the file covers, through an appender: a resampled file can cover tens of thousands
   * of separate quarter hours, and one INSERT each cost more than reading the file.
   */
  private async writeCoverage(spans: readonly CoverageSpan[]): Promise<void> {
    if (!spans.length) return;
    const stage = await this.tempTable(
      `${this.tag}_coverage`,
      "span_start BIGINT, span_end BIGINT, basis VARCHAR",
      spans,
      (ap, c) => {
        ap.appendBigInt(BigInt(c.start));
        ap.appendBigInt(BigInt(c.end));
        ap.appendVarchar(c.basis);
      },
    );
    await this.con.run(
      `INSERT INTO event_coverage SELECT ${this.fileId}, ${quoteLiteral(TABLES[this.layout.table].name)}, span_start, span_end, basis FROM ${stage}`,
    );
    await this.con.run(`DROP TABLE ${stage}`);
  }

  private async insertMany(table: string, rows: ReadonlyArray<readonly [unknown, unknown]>) {
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const values = batch.map((_, j) => `(${this.fileId}, $${2 * j + 1}, $${2 * j + 2})`);
      await this.con.run(
        `INSERT INTO ${table} VALUES ${values.join(", ")}`,
        batch.flatMap((r) => [r[0], r[1]]) as never,
      );
    }
  }

  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const k = keptOf(this.con);
    if (k.countryMap?.owner === this) k.countryMap = undefined;
    await this.con.run("ROLLBACK");
  }
}
