import { createRequire } from "node:module";
import type * as NodeApi from "@duckdb/node-api";

/**
 * @duckdb/node-api, loaded with require(): importing this CommonJS package from ESM makes Node
 * scan its 124 files for named exports, about 0.4 s of every CLI run (measured: 0.62 s by import,
 * 0.25 s by require). Types still come from `import type`.
 */
export const duckdb: typeof NodeApi = createRequire(import.meta.url)("@duckdb/node-api");
