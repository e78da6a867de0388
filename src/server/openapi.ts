/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas
 * (`schemas.ts`): request parameters and bodies as the client sends them (io: "input"),
 * responses as the server writes them.
 */
import { z } from "zod";
import { caseJsonSchema } from "../assess/case-schema.js";
import { defined } from "../core/defined.js";
import { ErrorBody } from "./responses.js";
import { ROUTES, type RouteSpec } from "./schemas.js";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodObject | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const s = jsonSchema(schema, "input");
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => {
    const { description, example, ...rest } = p;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...defined({ description, example }),
      schema: rest,
    };
  });
}

const COMMON_ERRORS: Record<number, string> = {
  400: "bad input: the message names the field (problems lists each)",
  401: "missing or wrong bearer token (when the server has one)",
  500: "internal error",
  503: "the store cannot be used",
};

function operation(id: string, r: RouteSpec): Json {
  const responses: Json = {};
  for (const [status, spec] of Object.entries(r.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.content
        ? {
            content: Object.fromEntries(
              Object.entries(spec.content).map(([type, schema]) => [
                type,
                schema === ErrorBody
                  ? { schema: { $ref: "#/components/schemas/Error" } }
                  : schema
                    ? { schema: jsonSchema(schema, "output") }
                    : type === "application/vnd.apache.parquet"
                      ? { schema: { type: "string", contentMediaType: type } }
                      : { schema: { type: "string" } },
              ]),
            ),
          }
        : {}),
    };
  }
  for (const [status, description] of Object.entries(COMMON_ERRORS)) {
    if (responses[status]) continue;
    responses[status] = {
      description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    operationId: id,
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(r.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** The document served at /api/openapi.json. */
export function openApiDocument(version: string, opts: { token: boolean }): Json {
  const paths: Record<string, Json> = {};
  for (const [id, r] of Object.entries(ROUTES) as Array<[string, RouteSpec]>) {
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method]: operation(id, r) };
  }
  const { title: _t, description: _d, $schema: _s, ...caseSchema } = caseJsonSchema();
  return {
    openapi: "3.1.0",
    info: {
      title: "Entente API",
      version,
      description:
        "Foreign-policy alignment indicators, ACH cases and reports over an Entente store (docs/api.md). Errors are {error: {code, message, hint?}} with the HTTP status of the error.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, "output"), Case: caseSchema },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    ...(opts.token ? { security: [{ bearer: [] }] } : {}),
  };
}
