#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// A reader that stops early (`entente … | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of a stack trace for the write that found it closed.
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv);
