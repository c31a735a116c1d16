import type { AppPlan } from "./appPlan";
import type { CredentialChange } from "./changes";
import { changedOutputs } from "./consumers";
import type { Review } from "./review";
import type { RotationView } from "./rotation";

// The words of one change: what happens to a credential or a rotating component, why, and what its consumers get.

/** The list item of a credential that changes on its own (not a rotating component's slot). */
export function changeItem(review: Review, change: CredentialChange, plan: AppPlan): string[] {
  const out = [`- **${who(change)}**: ${describe(change)}`];
  const why = reasonOf(change);
  if (why) out.push(`  - why: ${why}`);
  for (const line of review.reasons.about(change.urn)) out.push(`  - the provider: ${inline(line)}`);
  const consumers = consumersOf(review, change, plan);
  if (consumers) out.push(`  - consumers get: ${consumers}`);
  return out;
}

/** The list item of a rotating component: its schedule, its two slots, and its consumers. */
export function rotationItem(review: Review, rotation: RotationView, plan: AppPlan): string[] {
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

/** `ClientSecret \`api\``. */
export function who(change: CredentialChange): string {
  return `${change.kind.name} \`${change.name.replace(/`/g, "")}\``;
}

/** The id and status a credential holds before the run. */
export function held(change: CredentialChange): string {
  return [change.held?.id ? `\`${change.held.id}\`` : undefined, change.held?.status].filter(Boolean).join(", ");
}

/** A provider's line inside Markdown: one line, no HTML. */
export function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
