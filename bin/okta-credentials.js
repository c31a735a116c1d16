#!/usr/bin/env node
// The `okta-credentials` command (`okta-credentials review preview.json`, `okta-credentials orphans`). A file of its
// own, kept in git, so npm links the command when it installs this package, before a checkout's build has made dist/
// (npm links no bin whose file is missing).
let cli;
try {
  cli = require("../dist/review/cli.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("dist/review/cli.js")) {
    process.stderr.write(
      "okta-credentials: the package is not built (no dist/review/cli.js): run `npm run build` at the repository's root\n",
    );
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`okta-credentials: ${e instanceof Error ? e.stack || e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
