// Two Vitest projects: fast unit tests beside the code (lib/**/*.test.ts, no database), and
// integration tests (tests/integration/**) against a real database: files run in parallel, each
// worker on its own database (see tests/integration/support).
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          env: {
            NODE_ENV: "test",
            DATA_DIR: ".data/unit-test",
            LOG_LEVEL: "silent",
            NEXTAUTH_SECRET: "unit-test-secret-unit-test-secret-unit",
            KEY_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
          },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          setupFiles: ["tests/integration/support/setup.ts"],
          // At least two workers, also on two cores: much of a test's time is spent waiting for the database.
          maxWorkers: Math.max(2, availableParallelism()),
          // Generous: a few tests load tens of thousands of rows, slow on the embedded database under load.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
        },
      },
    ],
  },
});
