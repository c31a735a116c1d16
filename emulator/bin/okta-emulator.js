#!/usr/bin/env node
// The `okta-emulator` command. A file of its own, kept in git, so npm links the command when it installs this package
// or its workspace, before a checkout's build has made dist/ (npm links no bin whose file is missing).
try {
  require.resolve("../dist/cli.js");
} catch {
  process.stderr.write(
    "okta-emulator: the emulator is not built (no dist/cli.js): run `npm run build` at the repository's root\n",
  );
  process.exit(2);
}
require("../dist/cli.js");
