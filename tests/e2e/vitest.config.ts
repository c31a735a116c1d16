import path from "node:path";
import type { ViteUserConfig } from "vitest/config" with { "resolution-mode": "import" };

// End-to-end tests: the real `pulumi` CLI on program folders, against the emulator. They need the engine
// (scripts/engine.sh) and a built dist/ (globalSetup builds it when stale). Files run one at a time: each
// command keeps a core busy, and the machine has few.
// (A plain object, not defineConfig: `vitest/config` is ESM-only and this CommonJS package's typecheck refuses it.)
export default {
  test: {
    root: path.resolve(__dirname, "../.."),
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: [path.join(__dirname, "harness/globalSetup.ts")],
    setupFiles: [path.join(__dirname, "harness/setup.ts")],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
} satisfies ViteUserConfig;
