import { readFile } from "node:fs/promises";
import { orphansMain, orphansUsage } from "./orphans";
import { PreviewInputError } from "./previewJson";
import { reviewPreview } from "./review";

const reviewUsage = `usage: okta-credentials review [preview.json]

Reads the output of \`pulumi preview --json --show-sames --show-replacement-steps\` (the file, or stdin when no
file or "-" is given) and writes Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: per Okta app, each
client secret and key the preview creates, adopts, rotates, deactivates, reactivates or deletes, the order of the
writes, the counts before and after, the provider's reasons, and what stops the preview if it failed.
Makes no Okta request; never prints a secret value.

Exit codes: 0 the preview succeeded, 1 the preview failed (its problem is in the Markdown), 2 bad usage or input.`;

const usage = `${reviewUsage}\n\n${orphansUsage}`;

/** `okta-credentials <command> …`: the command line of the package's bin. Returns the exit code. */
export async function main(
  argv: readonly string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command === "orphans") return orphansMain(rest, io);
  if (command !== "review") {
    io.stderr.write(`okta-credentials: ${command ? `unknown command "${command}"` : "no command"}\n${usage}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${reviewUsage}\n`);
    return 0;
  }
  const unknown = rest.filter((a) => a.startsWith("-") && a !== "-");
  if (unknown.length > 0 || rest.length > 1) {
    io.stderr.write(
      `okta-credentials review: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : "one file at most"}\n${reviewUsage}\n`,
    );
    return 2;
  }
  const file = rest[0];
  let text: string;
  try {
    text = file === undefined || file === "-" ? await readAll(io.stdin) : await readFile(file, "utf8");
  } catch (e) {
    io.stderr.write(
      `okta-credentials review: reading ${file ?? "stdin"}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 2;
  }
  try {
    const { markdown, failed } = reviewPreview(text);
    io.stdout.write(markdown);
    return failed ? 1 : 0;
  } catch (e) {
    if (e instanceof PreviewInputError) {
      io.stderr.write(`okta-credentials review: ${file ?? "stdin"}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
