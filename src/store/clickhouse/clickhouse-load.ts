/**
 * Row-by-row loads (every source except the event files) into ClickHouse: rows are buffered as
 * TabSeparated text, sent to a staging table, deduplicated there by natural key (first line
 * wins, as in DuckDB), counted and checked, and only then moved into the data table.
 */
import type { CoverageSpan } from "../coverage-span.js";
import type { ColumnSpec, TableSpec } from "../schema.js";
import type { Cell, CommitInput, FileMeta, LoadResult, LoadSession } from "../store.js";
import { ClickHouseReplacement, recordRelease } from "./clickhouse-releases.js";
import { chIdent, chType } from "./ddl.js";
import type { ClickHouseHost } from "./host.js";
import { keyExpr } from "./key-expr.js";
import { tsvField } from "./literal.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ClickHouseLoadSession implements LoadSession {
  private readonly lines: string[] = [];
  private created = false;

  constructor(
    private readonly store: ClickHouseHost,
    private readonly meta: FileMeta,
    private readonly spec: TableSpec,
    private readonly stage: string,
  ) {}

  append(values: readonly Cell[], line: number): void {
    const cols = this.spec.columns;
    const fields = new Array<string>(cols.length + 1);
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i] as ColumnSpec;
      let v = values[i] ?? null;
      if (v !== null && col.type === "date" && !ISO_DATE.test(String(v))) {
        throw new TypeError(
          `${this.spec.name}.${col.name}: "${String(v)}" is not a YYYY-MM-DD date`,
        );
      }
      if (v === null && col.type.endsWith("[]")) v = [];
      fields[i] = tsvField(v);
    }
    fields[cols.length] = String(Math.trunc(line));
    this.lines.push(`${fields.join("\t")}\n`);
  }

  private async createStage(): Promise<void> {
    const cols = this.spec.columns.map((c) => `${chIdent(c.name)} ${chType(this.spec, c)}`);
    await this.store.node.exec(
      `CREATE TABLE ${chIdent(this.stage)} (${cols.join(", ")}, line Int32) ENGINE = MergeTree() ORDER BY line`,
    );
    this.created = true;
  }

  async commit(input: CommitInput): Promise<LoadResult> {
    const node = this.store.node;
    const stage = chIdent(this.stage);
    const target = chIdent(this.spec.name);
    const names = this.spec.columns.map((c) => chIdent(c.name));
    try {
      await this.createStage();
      const batch = 50_000;
      const lines = this.lines;
      await node.insertTsv(
        this.stage,
        (function* () {
          for (let i = 0; i < lines.length; i += batch) yield lines.slice(i, i + batch).join("");
        })(),
      );
      this.lines.length = 0;
      const staged = Number(
        (await node.query<{ n: number }>(`SELECT count() AS n FROM ${stage}`))[0]?.n ?? 0,
      );
      // A new release of the file's dataset: the old release's rows are not "already stored".
      const replacing = await ClickHouseReplacement.find(this.store, this.meta, this.spec.name);
      // First line of each key within the file, then only keys not already stored.
      const key = keyExpr(this.spec.naturalKey);
      const first = `(SELECT * FROM ${stage} ORDER BY line LIMIT 1 BY ${this.spec.naturalKey.map(chIdent).join(", ")})`;
      const fresh = `SELECT * FROM ${first}
        WHERE ${key} NOT IN (SELECT ${key} FROM ${target}${replacing ? ` WHERE ${replacing.notReplaced}` : ""})`;
      const loaded = Number(
        (await node.query<{ n: number }>(`SELECT count() AS n FROM (${fresh})`))[0]?.n ?? 0,
      );
      const fileId = await this.store.nextFileId();
      try {
        await replacing?.archive();
        const change = replacing ? await replacing.change(first) : undefined;
        const result: LoadResult = {
          fileId,
          rowsLoaded: loaded,
          rowsDuplicate: staged - loaded,
          ...(change ? { change } : {}),
        };
        // The accounting check runs before anything reaches the data table.
        input.verify(result);
        // A load killed from here on is cleaned up at the next open (the journal).
        await this.store.journal(fileId, this.spec.name, this.stage);
        try {
          await node.exec(
            `INSERT INTO ${target} (${names.join(", ")}, file_id, line)
             SELECT ${names.join(", ")}, ${fileId}, line FROM (${fresh})`,
          );
          const moved = Number(
            (
              await node.query<{ n: number }>(
                `SELECT count() AS n FROM ${target} WHERE file_id = ${fileId}`,
              )
            )[0]?.n ?? 0,
          );
          if (moved !== loaded) {
            throw new Error(`${moved} rows reached ${this.spec.name}, ${loaded} expected`);
          }
          await replacing?.finish(fileId);
          await recordRelease(this.store, this.meta, this.spec.name, fileId, change);
          await writeProvenance(this.store, fileId, this.meta, this.spec.name, input, result);
        } catch (e) {
          await this.store.removeFile("releases", fileId);
          await this.store.removeFile(this.spec.name, fileId);
          throw e;
        }
        return result;
      } catch (e) {
        await replacing?.rollback();
        throw e;
      }
    } finally {
      await this.abort();
    }
  }

  async abort(): Promise<void> {
    this.lines.length = 0;
    if (this.created) {
      this.created = false;
      await this.store.node.exec(`DROP TABLE IF EXISTS ${chIdent(this.stage)}`);
    }
  }
}

/**
 * Rejects and unresolved names first, the provenance row last: a file counts as loaded only when
 * its provenance row exists, and a failure before that is cleaned up by file id.
 */
/** The spans of time an event file covers (src/store/event-coverage.ts). */
export async function writeCoverage(
  store: ClickHouseHost,
  fileId: number,
  table: string,
  spans: readonly CoverageSpan[],
): Promise<void> {
  if (!spans.length) return;
  await store.node.insertTsv(
    "event_coverage",
    spans.map(
      (c) =>
        `${Math.trunc(fileId)}\t${tsvField(table)}\t${Math.trunc(c.start)}\t${Math.trunc(c.end)}\t${tsvField(c.basis)}\n`,
    ),
  );
}

export async function writeProvenance(
  store: ClickHouseHost,
  fileId: number,
  meta: FileMeta,
  table: string,
  input: CommitInput,
  result: LoadResult,
): Promise<void> {
  const node = store.node;
  try {
    if (input.rejects.length) {
      await node.insertTsv(
        "load_rejects",
        input.rejects.map((r) => `${fileId}\t${Math.trunc(r.line)}\t${tsvField(r.reason)}\n`),
      );
    }
    if (input.unresolved.length) {
      await node.insertTsv(
        "load_unresolved",
        input.unresolved.map((u) => `${fileId}\t${tsvField(u.name)}\t${Math.trunc(u.rows)}\n`),
      );
    }
    const loadedAt = `${new Date().toISOString().slice(0, 19)}Z`;
    const row = [
      fileId,
      meta.path,
      meta.sha256,
      meta.size,
      meta.source,
      meta.sourceVersion,
      table,
      input.linesRead,
      result.rowsLoaded,
      input.rejects.length,
      result.rowsDuplicate,
      loadedAt,
    ];
    await node.insertTsv("provenance", [`${row.map(tsvField).join("\t")}\n`]);
  } catch (e) {
    for (const t of ["load_rejects", "load_unresolved"]) await store.removeFile(t, fileId);
    throw e;
  }
}
