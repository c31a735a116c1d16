import type { VerificationStep } from "./appPlan";
import { type CredentialChange, stepsByResource } from "./changes";
import { type CredentialKind, resourceName, rotatingKinds, verificationKinds } from "./kinds";
import type { PreviewDigest } from "./previewJson";
import { publicTrigger, publicValue } from "./publicValues";
import type { ProviderReasons } from "./reasons";

/** A rotating component (`RotatingClientSecret`, `RotatingClientJsonWebKey`) as the preview moves it. */
export interface RotationView {
  urn: string;
  /** `RotatingClientSecret`. */
  kindName: string;
  name: string;
  kind: CredentialKind;
  generation: { before: number | undefined; after: number | undefined };
  /** When the generation after the run began (a day), from the component's own line. */
  began: string | undefined;
  previousRetiresAt: { before: string | undefined; after: string | undefined };
  /** True when the schedule says the previous generation is past its retirement. */
  previousRetired: boolean | undefined;
  nextRotationAt: { before: string | undefined; after: string | undefined };
  /** The slot holding the newest generation after the run, and the other one. */
  current: CredentialChange | undefined;
  previous: CredentialChange | undefined;
  /** The verification of the current credential, when the run (re)proves it. */
  verification: VerificationStep | undefined;
  /** The component's other lines (`adoptExisting: the previous slot takes over …`). */
  lines: string[];
}

const scheduleLine =
  /: generation (\d+) began (\S+); previous (retires|retired) (\S+); next rotation (\S+?)(?: \(time .*\))?$/;

/** The verification steps that the run makes (a create, an update or a replacement of one). */
export function verificationSteps(digest: PreviewDigest): VerificationStep[] {
  const out: VerificationStep[] = [];
  for (const [urn, { main }] of stepsByResource(digest)) {
    const { kind, parentKind } = resourceName(urn);
    if (kind === undefined || !verificationKinds.includes(kind) || !["create", "update", "replace"].includes(main.op)) {
      continue;
    }
    const slotKind = parentKind === undefined ? undefined : rotatingKinds[parentKind];
    if (slotKind === undefined) continue;
    const inputs = main.newState?.inputs ?? {};
    out.push({
      urn,
      appId: publicValue("appId", inputs.appId),
      secretOrKeyId: publicValue(slotKind.idOutput, inputs[slotKind.idOutput]),
      component: main.newState?.parent,
      kind: slotKind,
    });
  }
  return out;
}

/** Every rotating component whose slots the preview shows, with its schedule before and after the run. */
export function rotationViews(
  digest: PreviewDigest,
  changes: CredentialChange[],
  verifications: VerificationStep[],
  reasons: ProviderReasons,
): RotationView[] {
  const steps = stepsByResource(digest);
  const urns = new Set<string>(changes.flatMap((c) => (c.component ? [c.component] : [])));
  for (const urn of steps.keys()) if (rotatingKinds[resourceName(urn).kind ?? ""]) urns.add(urn);
  const views: RotationView[] = [];
  for (const urn of urns) {
    const { kind: kindName, name } = resourceName(urn);
    const kind = rotatingKinds[kindName ?? ""];
    if (kind === undefined || kindName === undefined) continue;
    const slots = changes.filter((c) => c.component === urn);
    const old = steps.get(urn)?.main.oldState?.outputs ?? {};
    const lines = reasons.about(urn);
    const schedule = lines.map((l) => scheduleLine.exec(l)).find((m) => m !== null);
    const slotGenerations = slots.map((c) => ({ c, g: slotGeneration(digest, c, "newState") }));
    const current = slotGenerations.reduce<{ c: CredentialChange; g: number } | undefined>(
      (best, s) => (best === undefined || s.g > best.g ? s : best),
      undefined,
    );
    const oldGenerations = slots.map((c) => slotGeneration(digest, c, "oldState")).filter((g) => !Number.isNaN(g));
    views.push({
      urn,
      kindName,
      name,
      kind,
      generation: {
        before: numberOr(publicValue("generation", old.generation), oldGenerations),
        after: schedule ? Number(schedule[1]) : current && !Number.isNaN(current.g) ? current.g : undefined,
      },
      began: schedule?.[2],
      previousRetiresAt: { before: publicValue("previousRetiresAt", old.previousRetiresAt), after: schedule?.[4] },
      previousRetired: schedule ? schedule[3] === "retired" : undefined,
      nextRotationAt: { before: publicValue("nextRotationAt", old.nextRotationAt), after: schedule?.[5] },
      current: current?.c,
      previous: slots.find((c) => c !== current?.c),
      verification: verifications.find((v) => v.component === urn),
      lines: lines.filter((l) => !scheduleLine.test(l)).map((l) => l.replace(/^[A-Za-z]+ "[^"]+": /, "")),
    });
  }
  return views;
}

/** The generation a slot holds before or after the run: its `rotationTriggers.generation`. */
function slotGeneration(digest: PreviewDigest, change: CredentialChange, side: "oldState" | "newState"): number {
  const state = digest.steps.find((s) => s.urn === change.urn && s[side])?.[side];
  const triggers = state?.inputs?.rotationTriggers as Record<string, unknown> | undefined;
  return Number(publicTrigger(triggers?.generation) ?? Number.NaN);
}

function numberOr(value: string | undefined, fallback: number[]): number | undefined {
  if (value !== undefined) return Number(value);
  return fallback.length > 0 ? Math.max(...fallback) : undefined;
}
