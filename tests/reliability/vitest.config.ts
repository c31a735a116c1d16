import path from "node:path";
import type { ViteUserConfig } from "vitest/config" with { "resolution-mode": "import" };

// The reliability suite (docs/reliability.md): faults, crashes, concurrency and a soak through the real `pulumi` CLI
// against the emulator, on the end-to-end harness (tests/e2e/harness). `npm run test:reliability` runs the full
// matrix (OKTA_CREDENTIALS_RELIABILITY=full); `npm test` runs its reduced matrix (the default). Each test records its
// figures (tests/reliability/figures.ts) for the report in docs/reliability.md.
export default {
  test: {
    root: path.resolve(__dirname, "../.."),
    include: ["tests/reliability/**/*.test.ts"],
    globalSetup: [path.join(__dirname, "../e2e/harness/globalSetup.ts")],
    setupFiles: [path.join(__dirname, "../e2e/harness/setup.ts")],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
} satisfies ViteUserConfig;
