#!/usr/bin/env node
// Writes docs/case-schema.json from the zod schema of case files (src/assess/case-schema.ts).
//   npm run build && npm run case-schema
import { writeFileSync } from "node:fs";
import { caseJsonSchema } from "../dist/assess/case-schema.js";

const out = new URL("../docs/case-schema.json", import.meta.url);
writeFileSync(out, `${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
