import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts shared ClickHouse servers once per run (when installed); tests read inject("clickhouse").
    globalSetup: ["./test/clickhouse/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests share nothing but the CPU; two workers match the 2-core machine.
    maxWorkers: 2,
    env: { TZ: "UTC" },
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
