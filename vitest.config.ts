import { defineConfig } from "vitest/config";

// Unit, hook and contract tests: no Pulumi engine needed. End-to-end tests have their own config.
export default defineConfig({
  test: {
    include: [
      "provider/**/*.test.ts",
      "sdk/**/*.test.ts",
      "emulator/**/*.test.ts",
      "tests/unit/**/*.test.ts",
      "tests/contract/**/*.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
