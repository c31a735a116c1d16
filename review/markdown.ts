import type { AppPlan, Write } from "./appPlan";
import type { ChangeKind, CredentialChange } from "./changes";
import { changedOutputs } from "./consumers";
import type { Review } from "./review";
import type { RotationView } from "./rotation";

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

function changeItem(review: Review, change: CredentialChange, plan: AppPlan): string[] {
  const out = [`- **${who(change)}**: ${describe(change)}`];
  const why = reasonOf(change);
  if (why) out.push(`  - why: ${why}`);
  for (const line of review.reasons.about(change.urn)) out.push(`  - the provider: ${inline(line)}`);
  const consumers = consumersOf(review, change, plan);
  if (consumers) out.push(`  - consumers get: ${consumers}`);
  return out;
}

function rotationItem(review: Review, rotation: RotationView, plan: AppPlan): string[] {
  const { generation: g } = rotation;
  const gen =
    g.before !== undefined && g.after !== undefined && g.before !== g.after
      ? `generation ${g.before} → **${g.after}**${rotation.began ? ` (began ${rotation.began})` : ""}`
      : g.after !== undefined
        ? `generation ${g.after}${rotation.began ? ` (began ${rotation.began})` : ""}`
        : "generation unknown";
  const retires = rotation.previousRetiresAt.after ?? rotation.previousRetiresAt.before;
  const next = rotation.nextRotationAt.after ?? rotation.nextRotationAt.before;
  const facts = [
    gen,
    retires ? `previous ${rotation.previousRetired ? "retired" : "retires"} ${retires}` : undefined,
    next ? `next rotation ${next}` : undefined,
  ].filter((f) => f !== undefined);
  const out = [`- **${rotation.kindName} \`${rotation.name}\`**: ${facts.join("; ")}`];
  for (const [role, slot] of [
    ["current", rotation.current],
    ["previous", rotation.previous],
  ] as const) {
    if (!slot) continue;
    out.push(
      `  - ${role}: ${who(slot)} ${slot.change === "unchanged" ? `is unchanged (${held(slot)})` : describe(slot)}`,
    );
    const retires = rotation.previousRetiresAt.after;
    if (role === "previous" && retires && !rotation.previousRetired && slot.next?.status === "ACTIVE") {
      out.push(
        `    - stays ACTIVE for its clients until ${retires}: the first \`pulumi up\` from then on deactivates it`,
      );
    }
    for (const line of review.reasons.about(slot.urn)) out.push(`    - the provider: ${inline(line)}`);
    const consumers = consumersOf(review, slot, plan);
    if (consumers && slot.change !== "unchanged") out.push(`    - consumers of \`${role}\` get: ${consumers}`);
  }
  const newGeneration = g.before !== undefined && g.after !== undefined && g.before !== g.after;
  if (newGeneration && rotation.current && rotation.previous) {
    const moved = rotation.previous.next?.id ?? rotation.previous.held?.id;
    const held = [rotation.current.held?.id, rotation.previous.held?.id].filter((id): id is string => id !== undefined);
    const stack = review.outputs.holdingAny(held);
    out.push(
      `  - consumers of the component get: \`current\` → the new ${rotation.kind.noun}, \`previous\` → ${
        moved ? `\`${moved}\`` : `the ${rotation.kind.noun} of generation ${g.before}`
      }; \`generation\`, \`nextRotationAt\` and \`previousRetiresAt\` change${
        stack.length > 0
          ? `; stack outputs built from them that change: ${stack.map((n) => `\`${n}\``).join(", ")}`
          : ""
      }`,
    );
  }
  if (rotation.verification) {
    const id = rotation.verification.secretOrKeyId;
    out.push(
      `  - the current ${rotation.kind.noun}${id ? ` \`${id}\`` : ""} is proven at the org's token endpoint before the previous one is deactivated (\`verify\`)`,
    );
  }
  for (const line of rotation.lines) out.push(`  - ${inline(line)}`);
  return out;
}

function describe(change: CredentialChange): string {
  const { noun } = change.kind;
  const old = change.held?.id
    ? `\`${change.held.id}\`${change.held.status ? ` (${change.held.status})` : ""}`
    : `the old ${noun}`;
  const status = change.next?.status ?? "ACTIVE";
  switch (change.change) {
    case "create":
      return `created: a new ${noun}, ${status}`;
    case "adopt":
      return `adopted: takes over \`${change.next?.id ?? "?"}\` as it is in Okta (no ${noun} is created; its status is set to ${status} if it is not)`;
    case "rotate":
    case "move": {
      const where =
        change.change === "move"
          ? ` from app \`${change.oldAppId ?? "?"}\` to app \`${change.appId ?? "(known after up)"}\``
          : "";
      if (change.order === "delete-first") {
        const inactive = change.held?.status === "INACTIVE" ? ` (it is INACTIVE: nothing authenticates with it)` : "";
        return `rotated${where}, **delete-first**: ${old} is ${change.held?.status === "ACTIVE" ? "deactivated and " : ""}deleted${inactive}, then a new ${noun} is created, ${status}`;
      }
      if (change.order === "create-first") {
        return `rotated${where}, **create-first**: a new ${noun} is created, ${status}, then ${old} is ${change.held?.status === "ACTIVE" ? "deactivated and " : ""}deleted after every create and update of the run`;
      }
      return `rotated${where}: ${old} is replaced by a new ${noun} (the order is not in this preview: add \`--show-replacement-steps\`)`;
    }
    case "take-over":
      return `takes over \`${change.next?.id ?? "?"}\` instead of ${old}, which is ${change.held?.status === "ACTIVE" ? "deactivated and " : ""}deleted${change.order === "delete-first" ? " first" : " after every create and update of the run"}`;
    case "deactivate":
      return `deactivated in place: ${old} → INACTIVE (it stops authenticating; it stays on the app)`;
    case "reactivate":
      return `reactivated in place: ${old} → ACTIVE`;
    case "update":
      return `updated in place (${old})`;
    case "delete":
      return `removed from the stack: ${old} is ${change.held?.status === "ACTIVE" ? "deactivated and " : ""}deleted`;
    case "unchanged":
      return "unchanged";
  }
}

function reasonOf(change: CredentialChange): string | undefined {
  if (!["rotate", "move", "take-over", "deactivate", "reactivate"].includes(change.change)) return undefined;
  if (change.change === "deactivate" || change.change === "reactivate")
    return `\`status\` ${change.held?.status ?? "?"} → ${change.next?.status ?? "?"}`;
  const parts: string[] = [];
  const shown = (v: string | null | undefined) =>
    v === null ? "(none)" : v === undefined ? "(a value not shown)" : `\`${v}\``;
  for (const t of change.triggers) parts.push(`\`rotationTriggers.${t.key}\` ${shown(t.from)} → ${shown(t.to)}`);
  for (const r of change.replaceReasons) if (r !== "rotationTriggers") parts.push(`\`${r}\` changed`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

function consumersOf(review: Review, change: CredentialChange, plan: AppPlan): string | undefined {
  if (change.change === "delete")
    return `the resource's outputs go away (${plan.kind.noun} \`${change.held?.id ?? "?"}\` is deleted)`;
  const outputs = changedOutputs(change);
  if (outputs.length === 0) return undefined;
  const fresh = ["create", "rotate", "move"].includes(change.change);
  const names = outputs.map((o) => `\`${o.name}\`${o.secret ? " (a Pulumi secret)" : ""}`).join(", ");
  let text = fresh ? `new ${names}, known once \`pulumi up\` has made the ${plan.kind.noun}` : names;
  if (change.change === "adopt" || change.change === "take-over") text = `${names} of \`${change.next?.id ?? "?"}\``;
  const holding = review.outputs.holding(change);
  if (holding.length > 0) text += `; stack outputs that change: ${holding.map((n) => `\`${n}\``).join(", ")}`;
  if (fresh || change.change === "take-over") {
    const secrets = review.outputs.secrets;
    if (secrets.length > 0) {
      text += `; secret stack outputs (${secrets.map((n) => `\`${n}\``).join(", ")}) cannot be read from the preview: those that hand out this ${plan.kind.noun} get the new one`;
    }
  }
  return text;
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

function who(change: CredentialChange): string {
  return `${change.kind.name} \`${change.name.replace(/`/g, "")}\``;
}

function held(change: CredentialChange): string {
  return [change.held?.id ? `\`${change.held.id}\`` : undefined, change.held?.status].filter(Boolean).join(", ");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A provider's line inside Markdown: one line, no HTML. */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function escapeFence(text: string): string {
  return text.replace(/```/g, "'''");
}
