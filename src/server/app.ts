/**
 * The HTTP API (Hono): a thin shell over the library, like the CLI. Every JSON answer is what
 * the matching CLI command prints with --json; errors are `{"error": {code, message, hint?}}`
 * with the error's HTTP status. Routes, parameters and bodies are declared once in
 * `schemas.ts`, which validates requests and generates /api/openapi.json.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { assess } from "../assess/assess.js";
import { CaseError, loadCase } from "../assess/case-file.js";
import {
  CaseRepository,
  caseVersion,
  ReadOnlyError,
  VersionConflictError,
} from "../assess/case-store.js";
import { RULES, type RuleName } from "../assess/scoring.js";
import { blocs, DEFAULT_SEEDS } from "../blocs/blocs.js";
import { blocMatrix } from "../blocs/matrix.js";
import { blocMeasure } from "../blocs/measures.js";
import { neighbours } from "../blocs/neighbours.js";
import { stateTimeline } from "../blocs/state-timeline.js";
import { searchCountries } from "../core/country-search.js";
import { defined } from "../core/defined.js";
import { EntenteError } from "../core/errors.js";
import { denotes } from "../core/succession.js";
import { dyad, stateRef } from "../frames/dyad.js";
import { panel } from "../frames/panel.js";
import { dyadOptions, panelOptions, type QueryFields } from "../frames/query-options.js";
import { indicatorFit } from "../indicators/ideal-points.js";
import { INDICATORS } from "../indicators/registry.js";
import { reportHtml } from "../report/html.js";
import { buildReport } from "../report/model.js";
import { describeSources } from "../sources/describe.js";
import type { Store } from "../store/store.js";
import { acceptsGzip, type CachedBody, ResponseCache } from "./cache.js";
import { openApiDocument } from "./openapi.js";
import { csvStream, PANEL_CONTENT_TYPES, parquetStream } from "./panel-stream.js";
import type { IDEAL_POINT_STATES } from "./responses.js";
import {
  type DyadQuery,
  honoPath,
  MAX_BODY_BYTES,
  MAX_PANEL_ROWS,
  parseInput,
  RequestInputError,
  ROUTES,
} from "./schemas.js";
import { serialStore } from "./serial-store.js";
import { StaticFiles } from "./static.js";

export interface AppOptions {
  /** An open store; the server only reads it. */
  readonly store: Store;
  /** Where saved cases go (`<casesDir>/<name>/case.yaml`); created on the first save. */
  readonly casesDir: string;
  /** When set, every /api route needs `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Refuse case saves (403). */
  readonly readOnly: boolean;
  /** Reported by /api/health and the OpenAPI document. */
  readonly version: string;
  /** A built web app to serve at / (index.html for unknown non-API paths). */
  readonly webDir?: string;
  /** Cache computed answers in memory (default true; the store does not change while served). */
  readonly cache?: boolean;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/** Reports are self-contained (inline CSS and SVG, no scripts): nothing else may load. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const JSON_TYPE = "application/json; charset=utf-8";

type ErrorJson = {
  error: { code: string; message: string; hint?: string; problems?: unknown; version?: string };
};

/** The JSON body and status of any error a handler throws. */
export function errorResponse(e: unknown): { status: number; body: ErrorJson } {
  if (e instanceof EntenteError) {
    const body: ErrorJson = e.toJSON();
    if (e instanceof RequestInputError || e instanceof CaseError) body.error.problems = e.problems;
    if (e instanceof VersionConflictError) body.error.version = e.current;
    return { status: e.httpStatus, body };
  }
  if (e instanceof HTTPException) {
    const codes: Record<number, string> = {
      400: "bad_request",
      401: "unauthorized",
      404: "not_found",
      413: "body_too_large",
    };
    return {
      status: e.status,
      body: { error: { code: codes[e.status] ?? "http_error", message: e.message || "Error" } },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "internal",
        message: "Internal error",
        hint: "See the server's log; report it if it persists",
      },
    },
  };
}

function apiError(code: string, message: string, status: number, hint?: string): EntenteError {
  return new EntenteError(code, message, {
    httpStatus: status,
    exitCode: 2,
    ...(hint ? { hint } : {}),
  });
}

/** Compare a bearer token in constant time (hashes have equal length whatever was sent). */
function tokenChecker(token: string): (header: string | undefined) => boolean {
  const expected = createHash("sha256").update(token, "utf8").digest();
  return (header) => {
    const m = /^Bearer +(\S+) *$/i.exec(header ?? "");
    const got = createHash("sha256")
      .update(m?.[1] ?? "", "utf8")
      .digest();
    return timingSafeEqual(got, expected) && m !== null;
  };
}

/** The API's dyad and panel query in the frames' names (src/frames/query-options.ts). */
function queryFields(q: z.output<typeof DyadQuery>): QueryFields {
  return {
    from: q.from,
    to: q.to,
    indicators: q.indicators,
    weights: q.weights,
    period: q.period,
    directed: q.directed === true,
    rootOnly: q.root_only === true,
    minSources: q.min_sources,
    minArticles: q.min_articles,
    unVotes: q.un_votes,
  };
}

function parseRules(rule: string): RuleName[] {
  return rule === "all" ? [...RULES] : (rule.split(",") as RuleName[]);
}

export function createApp(opts: AppOptions): Hono {
  const store = serialStore(opts.store);
  const cases = new CaseRepository(opts.casesDir);
  const cache = opts.cache === false ? null : new ResponseCache();
  const cached = (key: unknown, compute: () => Promise<string>): Promise<string | CachedBody> =>
    cache ? cache.get(JSON.stringify(key), compute) : compute();
  const checkToken = opts.token ? tokenChecker(opts.token) : null;
  let web: Promise<StaticFiles | null> | null = null;
  let openapi: string | null = null;

  const app = new Hono();
  /** A text or cached body; cached bodies go out gzipped to clients that accept it. */
  const send = (c: Context, body: string | CachedBody, type = JSON_TYPE, extra = {}) => {
    if (typeof body === "string") return c.body(body, 200, { "Content-Type": type, ...extra });
    const headers = { "Content-Type": type, Vary: "Accept-Encoding", ...extra };
    return acceptsGzip(c.req.header("Accept-Encoding"))
      ? c.body(body.gzip(), 200, { ...headers, "Content-Encoding": "gzip" })
      : c.body(body.bytes, 200, headers);
  };

  // Security headers on every response, errors and static files included.
  app.use("*", async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has("Content-Security-Policy")) h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    if (c.req.path.startsWith("/api/") && !h.has("Cache-Control"))
      h.set("Cache-Control", "no-store");
  });

  // Without a token the server only answers to local host names: a web page elsewhere cannot
  // reach it by pointing its own domain at 127.0.0.1 (DNS rebinding).
  if (!checkToken) {
    app.use("*", async (c, next) => {
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!LOCAL_HOSTNAMES.has(host)) {
        throw apiError(
          "bad_host",
          `Host ${host} is not served`,
          403,
          "Use http://127.0.0.1:<port>/, or start the server with a token",
        );
      }
      await next();
    });
  }

  if (checkToken) {
    app.use("/api/*", async (c, next) => {
      if (!checkToken(c.req.header("Authorization"))) {
        const { body } = errorResponse(
          apiError(
            "unauthorized",
            "This server needs a bearer token",
            401,
            "Send the header Authorization: Bearer <token> (the token given to `entente serve`)",
          ),
        );
        return c.json(body, 401, { "WWW-Authenticate": 'Bearer realm="entente"' });
      }
      await next();
    });
  }

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw apiError(
        "body_too_large",
        `The request body is larger than ${MAX_BODY_BYTES} bytes`,
        413,
        "Send a smaller case file",
      );
    },
  });
  // Only for methods with a body: looking at a GET's body would build a full Request object.
  app.use("/api/*", (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next),
  );

  const R = ROUTES;

  // Whether dyads carry UN ideal points, so that the dashboard can say how to get them. The
  // store is read-only while served, so the answer is looked up once.
  let idealPoints: Promise<(typeof IDEAL_POINT_STATES)[number]> | null = null;
  const idealPointState = () => {
    idealPoints ??= indicatorFit(store).then((f) =>
      f ? "fitted" : f === null ? "no_votes" : "not_fitted",
    );
    idealPoints.catch(() => {
      idealPoints = null;
    });
    return idealPoints;
  };

  app.get(honoPath(R.health.path), async (c) => {
    parseInput(R.health.query, c.req.query(), "query");
    return c.json({
      ok: true,
      store: opts.store.location,
      version: opts.version,
      read_only: opts.readOnly,
      ideal_points: await idealPointState(),
    });
  });

  app.get(honoPath(R.sources.path), async (c) => {
    parseInput(R.sources.query, c.req.query(), "query");
    return send(
      c,
      await cached(["sources"], async () => JSON.stringify(await describeSources(store))),
    );
  });

  app.get(honoPath(R.indicators.path), (c) => {
    parseInput(R.indicators.query, c.req.query(), "query");
    return c.json({
      indicators: INDICATORS.map((d) => ({
        name: d.name,
        family: d.family,
        description: d.description,
        unit: d.unit,
        source: d.source,
        citation: d.citation,
        datasets: d.datasets ?? [],
        on_request: d.onRequest === true,
      })),
    });
  });

  app.get(honoPath(R.countries.path), (c) => {
    const q = parseInput(R.countries.query, c.req.query(), "query");
    return c.json({ countries: searchCountries(q.q, q.limit ?? 20) });
  });

  app.get(honoPath(R.dyad.path), async (c) => {
    const p = parseInput(R.dyad.params, c.req.param(), "path");
    const q = parseInput(R.dyad.query, c.req.query(), "query");
    // The same options `entente dyad --format json` passes.
    const options = dyadOptions({ ...queryFields(q), intervals: true, trends: true });
    // Keyed by the states as resolved, so RUS, 365 and "Russian Federation" share an entry.
    // What an input denotes beyond its state (SUN: the USSR) changes the notes, so it is in the key.
    const key = [
      "dyad",
      stateRef(p.a, q.to),
      stateRef(p.b, q.to),
      denotes(p.a),
      denotes(p.b),
      options,
    ];
    return send(
      c,
      await cached(key, async () => JSON.stringify(await dyad(store, p.a, p.b, options))),
    );
  });

  app.get(honoPath(R.panel.path), async (c) => {
    const q = parseInput(R.panel.query, c.req.query(), "query");
    const p = await panel(
      store,
      panelOptions({ ...queryFields(q), dyads: q.dyads, limit: q.limit ?? MAX_PANEL_ROWS }),
    );
    const headers: Record<string, string> = {
      "Content-Type": PANEL_CONTENT_TYPES[q.format],
      "Content-Disposition": `attachment; filename="entente-panel.${q.format}"`,
      "X-Entente-Rows": String(p.frame.length),
    };
    if (q.format === "csv") return c.body(csvStream(p), 200, headers);
    const { body, size } = await parquetStream(p);
    return c.body(body, 200, { ...headers, "Content-Length": String(size) });
  });

  app.get(honoPath(R.cases.path), async (c) => {
    parseInput(R.cases.query, c.req.query(), "query");
    return c.json({ cases: await cases.list() });
  });

  app.get(honoPath(R.caseGet.path), async (c) => {
    const p = parseInput(R.caseGet.params, c.req.param(), "path");
    parseInput(R.caseGet.query, c.req.query(), "query");
    return c.json(await cases.get(p.name));
  });

  app.put(honoPath(R.casePut.path), async (c) => {
    if (opts.readOnly) throw new ReadOnlyError();
    const p = parseInput(R.casePut.params, c.req.param(), "path");
    parseInput(R.casePut.query, c.req.query(), "query");
    if (!/^application\/json\s*(;|$)/i.test(c.req.header("Content-Type") ?? "")) {
      throw apiError(
        "unsupported_media_type",
        "The body must be JSON",
        415,
        'Send Content-Type: application/json with {"yaml": "...", "version": "..."}',
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch (e) {
      if (e instanceof EntenteError || e instanceof HTTPException) throw e;
      throw new RequestInputError([{ path: "body", message: "not valid JSON" }]);
    }
    const body = parseInput(R.casePut.body, raw, "body");
    const saved = await cases.save(p.name, body.yaml, body.version);
    return c.json(saved, saved.created ? 201 : 200);
  });

  app.get(honoPath(R.assessment.path), async (c) => {
    const p = parseInput(R.assessment.params, c.req.param(), "path");
    const q = parseInput(R.assessment.query, c.req.query(), "query");
    const found = await cases.locate(p.name);
    const file = found?.file ?? (await cases.path(p.name));
    const key = ["assess", p.name, caseVersion(found?.text ?? ""), q.rule];
    return send(
      c,
      await cached(key, async () =>
        JSON.stringify(await assess(store, await loadCase(file), parseRules(q.rule))),
      ),
    );
  });

  app.get(honoPath(R.report.path), async (c) => {
    const p = parseInput(R.report.params, c.req.param(), "path");
    const q = parseInput(R.report.query, c.req.query(), "query");
    const found = q.case ? await cases.locate(q.case) : null;
    if (q.case && !found) await cases.path(q.case); // 404
    const today = new Date().toISOString().slice(0, 10);
    const key = [
      "report",
      stateRef(p.a, q.to),
      stateRef(p.b, q.to),
      q.from ?? null,
      q.to ?? null,
      q.case ?? null,
      found ? caseVersion(found.text) : null,
      today,
    ];
    const html = await cached(key, async () =>
      reportHtml(
        await buildReport(store, p.a, p.b, {
          ...defined({ from: q.from, to: q.to }),
          ...(found ? { caseRef: found.file } : {}),
        }),
      ),
    );
    return send(c, html, "text/html; charset=utf-8", { "Content-Security-Policy": REPORT_CSP });
  });

  /** The CLI's bloc options with its defaults, so that equal requests share a cache entry. */
  const blocOpts = (q: {
    measure: string;
    resolution?: number | undefined;
    seeds?: number | undefined;
    seed?: number | undefined;
  }) => ({
    measure: blocMeasure(q.measure),
    resolution: q.resolution ?? 1,
    seeds: q.seeds ?? DEFAULT_SEEDS,
    seed: q.seed ?? 1,
  });
  const blocKey = (o: ReturnType<typeof blocOpts>) => [
    o.measure.name,
    o.resolution,
    o.seeds,
    o.seed,
  ];

  // One year's blocs, as `entente blocs --json` or as the matrix the dashboard draws.
  for (const [route, name, compute] of [
    [R.blocs, "blocs", blocs],
    [R.blocMatrix, "bloc-matrix", blocMatrix],
  ] as const) {
    app.get(honoPath(route.path), async (c) => {
      const q = parseInput(route.query, c.req.query(), "query");
      const o = blocOpts(q);
      const year = q.year === undefined ? {} : { year: q.year };
      return send(
        c,
        await cached([name, q.year ?? null, ...blocKey(o)], async () =>
          JSON.stringify(await compute(store, { ...o, ...year })),
        ),
      );
    });
  }

  app.get(honoPath(R.blocYears.path), async (c) => {
    const q = parseInput(R.blocYears.query, c.req.query(), "query");
    const m = blocMeasure(q.measure);
    return send(
      c,
      await cached(["bloc-years", m.name], async () =>
        JSON.stringify({ measure: m.name, years: await m.years(store) }),
      ),
    );
  });

  app.get(honoPath(R.blocTimeline.path), async (c) => {
    const q = parseInput(R.blocTimeline.query, c.req.query(), "query");
    const o = blocOpts(q);
    // Keyed by the states as resolved (RUS, 365 and Russia share an entry), in the order asked.
    const states = q.states.map((x) => stateRef(x, q.to).ccode);
    const range = defined({ from: q.from, to: q.to });
    return send(
      c,
      await cached(
        ["bloc-timeline", states, q.from ?? null, q.to ?? null, ...blocKey(o)],
        async () => JSON.stringify(await stateTimeline(store, { ...o, ...range, states })),
      ),
    );
  });

  app.get(honoPath(R.neighbours.path), async (c) => {
    const p = parseInput(R.neighbours.params, c.req.param(), "path");
    const q = parseInput(R.neighbours.query, c.req.query(), "query");
    const m = blocMeasure(q.measure);
    const top = q.top ?? 20;
    return send(
      c,
      await cached(
        ["neighbours", stateRef(p.a, q.year).ccode, q.year ?? null, m.name, top],
        async () =>
          JSON.stringify(
            await neighbours(store, p.a, {
              measure: m,
              top,
              ...defined({ year: q.year }),
            }),
          ),
      ),
    );
  });

  app.get(honoPath(R.openapi.path), (c) => {
    parseInput(R.openapi.query, c.req.query(), "query");
    openapi ??= JSON.stringify(openApiDocument(opts.version, { token: checkToken !== null }));
    return send(c, openapi);
  });

  app.notFound(async (c) => {
    const path = c.req.path;
    const method = c.req.method;
    if (!path.startsWith("/api/") && path !== "/api" && (method === "GET" || method === "HEAD")) {
      if (opts.webDir) {
        web ??= StaticFiles.open(opts.webDir);
        const res = await (await web)?.serve(new URL(c.req.url).pathname, method);
        if (res) return res;
      }
    }
    const { status, body } = errorResponse(
      apiError(
        "not_found",
        `No route ${method} ${path}`,
        404,
        "GET /api/openapi.json lists the routes",
      ),
    );
    return c.json(body, status as 404);
  });

  app.onError((e, c) => {
    const { status, body } = errorResponse(e);
    if (status >= 500 && !(e instanceof EntenteError))
      process.stderr.write(
        `entente serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
    return c.json(body, status as 400);
  });

  return app;
}
