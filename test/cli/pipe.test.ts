// `entente … | head`: the reader closes the pipe early; the CLI stops without a stack trace.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN } from "./run-cli.js";

describe("output into a pipe closed early", () => {
  it("stops quietly when the reader has read enough", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" ingest --help | head -n 1`], {
      encoding: "utf8",
    });
    expect(r.stdout).toMatch(/^Usage: entente ingest/);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
