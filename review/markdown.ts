import type { AppPlan, Write } from "./appPlan";
import type { ChangeKind, CredentialChange } from "./changes";
import { changeItem, held, inline, rotationItem, who } from "./changeText";
import type { Review } from "./review";

/** The heading every review starts with (a workflow finds its sticky comment by the action's own header). */
const reviewHeading = "## Okta credentials in this preview";

/** GitHub refuses a comment over 65,536 characters. */
const maxLength = 60_000;

/** The Markdown of a review: for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export function renderMarkdown(review: Review): string {
  const out: string[] = [reviewHeading, ""];
  if (review.failed) out.push(...blockingSection(review), "");
  const changed = review.changes.filter((c) => c.change !== "unchanged");
  if (changed.length === 0) {
    const unchanged = review.changes.length;
    out.push(
      review.failed
        ? "The preview planned no credential change before it stopped."
        : `No credential change: every Okta client secret and key of this stack stays as it is${
            unchanged > 0 ? ` (${unchanged} unchanged)` : ""
          }.`,
    );
    return finish(out);
  }
  out.push(summaryLine(review, changed), "");
  if (!review.samesShown) {
    out.push(
      "_The preview leaves unchanged resources out, so the counts miss them: run " +
        "`pulumi preview --json --show-sames --show-replacement-steps`._",
      "",
    );
  }
  for (const plan of review.plans) {
    if (plan.changes.every((c) => c.change === "unchanged")) continue;
    out.push(...appSection(review, plan), "");
  }
  out.push(
    "<sub>Counted: the credentials this stack holds or adopts (Okta may hold others on an app; the provider counts " +
      "those at preview and stops a plan that does not fit). From `pulumi preview --json` by `okta-credentials " +
      "review`: no Okta request, no secret value.</sub>",
  );
  return finish(out);
}

function finish(lines: string[]): string {
  const text = `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
  if (text.length <= maxLength) return text;
  const cut = text.lastIndexOf("\n", maxLength);
  return `${text.slice(0, cut)}\n\n_… cut at ${maxLength} characters (GitHub's limit for a comment): the whole review is in the workflow's step summary._\n`;
}

function blockingSection(review: Review): string[] {
  const out = ["### Blocked: the preview failed", ""];
  out.push("Nothing changes until this is fixed: `pulumi up` stops at the same point, before any change.", "");
  for (const problem of review.blocking) {
    if (!problem.ours) {
      out.push(
        `- ${problem.label ?? "The program"} failed at preview: its message is in Pulumi's own output (it is not ` +
          "from pulumi-okta-credentials, so it is not copied here).",
      );
      continue;
    }
    const text = problem.message ?? "";
    const [what, fix] = splitFix(text);
    out.push(`**${problem.label ?? "pulumi-okta-credentials"}**`, "", "```text", escapeFence(what), "```", "");
    if (fix) out.push(`**Fix:** ${inline(fix)}`, "");
  }
  return out;
}

function splitFix(text: string): [string, string | undefined] {
  const at = text.indexOf("\nFix: ");
  if (at === -1) return [text, undefined];
  return [text.slice(0, at), text.slice(at + "\nFix: ".length).trim()];
}

const verbs: Record<ChangeKind, string> = {
  create: "created",
  adopt: "adopted",
  rotate: "rotated",
  "take-over": "taken over",
  move: "moved to another app",
  deactivate: "deactivated",
  reactivate: "reactivated",
  update: "updated in place",
  delete: "deleted",
  unchanged: "unchanged",
};

function summaryLine(review: Review, changed: CredentialChange[]): string {
  const tally = new Map<string, number>();
  for (const c of changed) {
    const what = c.change === "rotate" && c.order ? `rotated (${c.order})` : verbs[c.change];
    tally.set(what, (tally.get(what) ?? 0) + 1);
  }
  const apps = review.plans.filter((p) => p.changes.some((c) => c.change !== "unchanged"));
  const parts = [...tally].map(([what, n]) => `${n} ${what}`).join(", ");
  const head = `**${plural(apps.length, "app")}, ${plural(changed.length, "credential change")}:** ${parts}.`;
  const kept = apps.filter((p) => p.before.active > 0);
  if (kept.length === 0 || !review.replacementStepsShown) return head;
  const down = kept.filter((p) => p.fewestActive < 1);
  if (down.length === 0) {
    const nouns = [...new Set(kept.map((p) => p.kind.noun))];
    const noun = nouns.length === 1 ? nouns[0] : "credential";
    return `${head} ${kept.length === 1 ? "The app keeps" : "Every app keeps"} an ACTIVE ${noun} at every moment of the run.`;
  }
  return `${head} **Warning:** ${down.map((p) => app(p)).join(", ")} ${down.length === 1 ? "has" : "have"} no ACTIVE credential of this stack at some moment of the run.`;
}

function appSection(review: Review, plan: AppPlan): string[] {
  const { kind } = plan;
  const out = [`### ${capital(app(plan))}: ${kind.title}`, ""];
  if (review.samesShown) {
    const during = review.replacementStepsShown
      ? [`never fewer than ${plan.fewestActive}`, `at most ${plan.mostHeld}`]
      : ["unknown: the replacements' order is not in this preview", "unknown"];
    const over = plan.mostHeld > kind.limit || plan.after.total > kind.limit ? " **over Okta's maximum**" : "";
    out.push(
      "| | before | after | at any moment of the run |",
      "|---|---:|---:|---|",
      `| ACTIVE ${kind.nouns} | ${plan.before.active} | ${plan.after.active} | ${during[0]} |`,
      `| ${kind.nouns} held (Okta's maximum: ${kind.limit}) | ${plan.before.total} | ${plan.after.total} | ${during[1]}${over} |`,
      "",
    );
  }
  const rotations = review.rotations.filter((r) => plan.changes.some((c) => c.component === r.urn));
  const loose = plan.changes.filter((c) => c.change !== "unchanged" && c.component === undefined);
  for (const change of loose) out.push(...changeItem(review, change, plan));
  for (const rotation of rotations) out.push(...rotationItem(review, rotation, plan));
  if (loose.length > 0 || rotations.length > 0) out.push("");
  if (plan.writes.length > 0) {
    const unknownOrder = plan.changes.some(
      (c) => c.order === undefined && ["rotate", "move", "take-over"].includes(c.change),
    );
    out.push(
      ...(unknownOrder
        ? ["Writes to Okta: their order is not in this preview (add `--show-replacement-steps`)."]
        : writesList(plan)),
      "",
    );
  }
  const unchanged = plan.changes.filter((c) => c.change === "unchanged" && c.component === undefined);
  if (unchanged.length > 0) {
    out.push(`Unchanged: ${unchanged.map((c) => `${who(c)} (${held(c)})`).join(", ")}.`);
  }
  return out;
}

function writesList(plan: AppPlan): string[] {
  const out = ["Writes to Okta, in order:", ""];
  let n = 0;
  let phase: 1 | 2 = 1;
  for (const w of plan.writes) {
    if (w.phase === 2 && phase === 1) {
      phase = 2;
      out.push("", `${n > 0 ? "Then, after" : "After"} every create and update of the run (the engine's deletes):`, "");
    }
    n += 1;
    out.push(`${n}. ${writeText(w, plan)}`);
  }
  if (plan.unordered) {
    out.push(
      "",
      "_Pulumi may run the writes of resources that do not depend on each other in another order or at once: the counts above hold for every order._",
    );
  }
  return out;
}

function writeText(w: Write, plan: AppPlan): string {
  const { noun } = plan.kind;
  const by = w.change ? ` (${who(w.change)})` : "";
  const id = w.id ? `\`${w.id}\`` : `the ${noun}`;
  switch (w.action) {
    case "create":
      return `create a new ${noun}, ${w.status ?? "ACTIVE"}${by}`;
    case "adopt":
      return `take over ${id}: nothing is created${by}`;
    case "activate":
      return `activate ${id}${by}`;
    case "deactivate":
      return `deactivate ${id}${by}`;
    case "delete":
      return `delete ${id}${by}`;
    case "verify":
      return `prove the current ${noun}${w.id ? ` ${id}` : ""} at the org's token endpoint (a token request, no change)`;
  }
}

function app(plan: AppPlan): string {
  return plan.appId ? `app \`${plan.appId}\`` : "an app created in this run";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeFence(text: string): string {
  return text.replace(/```/g, "'''");
}
