/**
 * One HTTP connection pool to one ClickHouse node, with the settings every Entente query needs
 * and errors turned into StoreErrors that name the server.
 */
import { Readable } from "node:stream";
import { type ClickHouseClient, ClickHouseLogLevel, createClient } from "@clickhouse/client";
import { StoreError } from "../../core/errors.js";
import { bindParams } from "./literal.js";

export interface NodeOptions {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Database the unqualified table names of queries refer to (null: the server's default). */
  readonly database: string | null;
  /** Refuse writes on the server side (`readonly = 2` still lets a query change settings). */
  readonly readOnly: boolean;
  /** Insert into Distributed tables synchronously (a cluster), so a load is done when it returns. */
  readonly distributedSync?: boolean;
}

const SETTINGS = {
  // Counts (UInt64) and Int64 come back as JSON numbers, like DuckDB's within the safe range.
  output_format_json_quote_64bit_integers: 0,
  // Entente's generated SQL (IN lists of codes, CAMEO code lists) is larger than the 256 KiB default.
  max_query_size: 16 << 20,
  // Long loads and scans keep the HTTP connection alive with progress headers instead of idling.
  send_progress_in_http_headers: 1,
  http_headers_progress_interval_ms: "10000",
} as const;

export class ChNode {
  private readonly client: ClickHouseClient;

  constructor(readonly opts: NodeOptions) {
    this.client = createClient({
      url: opts.url,
      username: opts.username,
      password: opts.password,
      ...(opts.database === null ? {} : { database: opts.database }),
      request_timeout: 3_600_000,
      // Errors reach the user once, as StoreErrors naming the server; the client's own log would
      // print them a second time (with stack traces) on stderr.
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: {
        ...SETTINGS,
        ...(opts.readOnly ? { readonly: "2" } : {}),
        ...(opts.distributedSync ? { insert_distributed_sync: 1 } : {}),
      } as never,
    });
  }

  private fail(sql: string, e: unknown): StoreError {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ECONNRESET") {
      return new StoreError(
        "store_open_failed",
        `Cannot reach ClickHouse at ${this.opts.url}: ${msg}`,
        {
          hint: "Start the server, or check HOST:PORT of --store (the HTTP port, usually 8123)",
          cause: e,
        },
      );
    }
    if (/Authentication failed|password is incorrect|Wrong password|Unknown user/i.test(msg)) {
      return new StoreError(
        "store_open_failed",
        `ClickHouse at ${this.opts.url} refused the login: ${msg}`,
        {
          hint: "Set ENTENTE_CLICKHOUSE_USER and ENTENTE_CLICKHOUSE_PASSWORD",
          cause: e,
        },
      );
    }
    const first = sql.replace(/\s+/g, " ").trim().slice(0, 160);
    return new StoreError(
      "store_query_failed",
      `ClickHouse at ${this.opts.url}: ${msg.split("\n")[0]} (in: ${first})`,
      {
        cause: e,
      },
    );
  }

  /** Rows of a read query, `$n` placeholders replaced by escaped literals. */
  async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const text = params?.length ? bindParams(sql, params) : sql;
    try {
      const rs = await this.client.query({ query: text, format: "JSONEachRow" });
      return (await rs.json()) as T[];
    } catch (e) {
      throw this.fail(text, e);
    }
  }

  /** A statement without result rows (DDL, INSERT … SELECT, ALTER). */
  async exec(sql: string, params?: readonly unknown[]): Promise<void> {
    const text = params?.length ? bindParams(sql, params) : sql;
    try {
      await this.client.command({ query: text });
    } catch (e) {
      throw this.fail(text, e);
    }
  }

  /** Stream TabSeparated text (lines ending in \n) into a table. */
  insertTsv(table: string, lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
    return this.insertStream(table, Readable.from(lines, { objectMode: false }), "TabSeparated");
  }

  /** Stream text of a ClickHouse input format into a table (all columns, or those named). */
  async insertStream(
    table: string,
    stream: Readable,
    format: "TabSeparated" | "CSV",
    columns?: readonly string[],
  ): Promise<void> {
    try {
      await this.client.insert({
        table,
        values: stream,
        format,
        ...(columns ? { columns: columns as [string, ...string[]] } : {}),
      });
    } catch (e) {
      stream.destroy();
      throw this.fail(`INSERT INTO ${table}`, e);
    }
  }

  async ping(): Promise<void> {
    const r = await this.client.ping();
    if (!r.success) throw this.fail("ping", r.error);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
