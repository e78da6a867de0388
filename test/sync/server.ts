/**
 * A tiny HTTP file server for download tests, able to misbehave on purpose: fail with a status, cut
 * the connection mid-body, stall before the body, or ignore Range requests.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RouteSpec {
  /** The file served (Range requests give 206 with Content-Range; 416 when out of range). */
  readonly body?: Buffer;
  /** Answer this status (with no body) to the first `times` requests, then serve `body`. */
  readonly status?: number;
  /** Send the full Content-Length, write this many bytes, then destroy the socket (first `times`). */
  readonly cutAfter?: number;
  /** Delay the body (after the headers) by this long (first `times` requests). */
  readonly slowMs?: number;
  /** Answer 200 with the whole body even when a Range is asked. */
  readonly ignoreRange?: boolean;
  /** How many requests misbehave (status / cutAfter / slowMs); default: all of them. */
  readonly times?: number;
  /** Extra response headers on misbehaving answers (e.g. Retry-After). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RecordedRequest {
  readonly path: string;
  /** The query string, with its "?" (empty when none). */
  readonly search: string;
  /** When it arrived (Date.now()). */
  readonly at: number;
  readonly headers: http.IncomingHttpHeaders;
}

export interface FileServer {
  /** Base URL, e.g. http://127.0.0.1:40123 (routes are appended). */
  readonly url: string;
  close(): Promise<void>;
  /** Requests per path (unknown paths included). */
  readonly hits: Map<string, number>;
  /** Every request in arrival order, with its headers (e.g. `range`). */
  readonly requests: RecordedRequest[];
}

export async function startFileServer(
  routes: Readonly<Record<string, RouteSpec>>,
): Promise<FileServer> {
  const hits = new Map<string, number>();
  const routeHits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push({ path, search: url.search, headers: req.headers, at: Date.now() });
    // A route may name the query too (`/api/x?id=1`), for APIs that answer by query; `times`
    // counts the requests of that route.
    const key = routes[`${path}${url.search}`] ? `${path}${url.search}` : path;
    const spec = routes[key];
    const hit = (routeHits.get(key) ?? 0) + 1;
    routeHits.set(key, hit);
    if (!spec) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const misbehave = hit <= (spec.times ?? Number.POSITIVE_INFINITY);
    if (spec.status !== undefined && misbehave) {
      res.writeHead(spec.status, { "content-type": "text/plain", ...spec.headers }).end("error");
      return;
    }
    const body = spec.body ?? Buffer.alloc(0);
    let status = 200;
    let slice = body;
    const headers: Record<string, string | number> = { "accept-ranges": "bytes" };
    const range = req.headers.range;
    if (range && !spec.ignoreRange) {
      const m = /^bytes=(\d+)-(\d*)$/.exec(range);
      const start = m ? Number(m[1]) : Number.NaN;
      const end = m?.[2] ? Math.min(Number(m[2]), body.length - 1) : body.length - 1;
      if (!m || start >= body.length || start > end) {
        res.writeHead(416, { "content-range": `bytes */${body.length}` }).end();
        return;
      }
      status = 206;
      slice = body.subarray(start, end + 1);
      headers["content-range"] = `bytes ${start}-${end}/${body.length}`;
    }
    headers["content-length"] = slice.length;
    headers["content-type"] = "application/octet-stream";
    if (misbehave && (spec.cutAfter !== undefined || spec.slowMs !== undefined)) {
      Object.assign(headers, spec.headers);
    }
    res.writeHead(status, headers);
    res.flushHeaders();

    const send = (): void => {
      if (res.destroyed) return;
      if (spec.cutAfter !== undefined && misbehave) {
        res.write(slice.subarray(0, spec.cutAfter), () => {
          // Let the bytes leave before the cut.
          const t = setTimeout(() => {
            timers.delete(t);
            res.socket?.destroy();
          }, 20);
          timers.add(t);
        });
        return;
      }
      res.end(slice);
    };
    if (spec.slowMs !== undefined && misbehave) {
      const t = setTimeout(() => {
        timers.delete(t);
        send();
      }, spec.slowMs);
      timers.add(t);
    } else {
      send();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    requests,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
