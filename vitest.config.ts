import type { ViteUserConfig } from "vitest/config" with { "resolution-mode": "import" };

// Unit, hook and contract tests: no Pulumi engine needed. End-to-end tests have their own config.
// (A plain object, not defineConfig: `vitest/config` is ESM-only and this CommonJS package's typecheck refuses it.)
export default {
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
} satisfies ViteUserConfig;
