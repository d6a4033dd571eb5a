import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const alias = { "~": path.join(root, "app") };

/**
 * Three kinds of tests, one run (`npm test`):
 * - unit: pure modules, beside the code they test (app/**) and in tests/unit;
 * - integration: the real server process on an ephemeral port over a real SQLite file;
 * - e2e: the same server driven by Debian's Chromium through playwright-core.
 * Integration and e2e files each start their own server, so they run one file at a time
 * per worker, two workers on these 2-core machines.
 */
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    setupFiles: [path.join(root, "tests/support/fail-on-console-error.ts")],
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          globalSetup: [path.join(root, "tests/support/database-setup.ts")],
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          globalSetup: [
            path.join(root, "tests/support/database-setup.ts"),
            path.join(root, "tests/support/chromium-setup.ts"),
          ],
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
