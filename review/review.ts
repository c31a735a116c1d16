import { type AppPlan, appPlans } from "./appPlan";
import { type CredentialChange, credentialChanges } from "./changes";
import { type StackOutputs, stackOutputs } from "./consumers";
import { resourceName } from "./kinds";
import { renderMarkdown } from "./markdown";
import { type PreviewDigest, parsePreviewJson } from "./previewJson";
import { type ProviderReasons, readReasons } from "./reasons";
import { type RotationView, rotationViews, verificationSteps } from "./rotation";

/** Everything the Markdown says, worked out from one preview. */
export interface Review {
  /** True when the preview reported an error: `pulumi up` would stop too. */
  failed: boolean;
  blocking: { label: string | undefined; ours: boolean; message: string | undefined }[];
  plans: AppPlan[];
  rotations: RotationView[];
  changes: CredentialChange[];
  reasons: ProviderReasons;
  outputs: StackOutputs;
  /** False when the preview left unchanged resources out (no `--show-sames`): counts then miss them. */
  samesShown: boolean;
  /** False when a replacement's order is not in the preview (no `--show-replacement-steps`). */
  replacementStepsShown: boolean;
}

/** The review of a preview document. */
function reviewOf(digest: PreviewDigest): Review {
  const reasons = readReasons(digest);
  const changes = credentialChanges(digest);
  const verifications = verificationSteps(digest);
  const sameSteps = digest.steps.filter((s) => s.op === "same").length;
  return {
    failed: reasons.blocking.length > 0,
    blocking: reasons.blocking.map((b) => {
      const name = b.urn === undefined ? undefined : resourceName(b.urn);
      return {
        label: name === undefined ? undefined : name.kind ? `${name.kind} \`${name.name}\`` : `\`${name.name}\``,
        ours: b.message !== undefined,
        message: b.message,
      };
    }),
    plans: appPlans(digest, changes, verifications),
    rotations: rotationViews(digest, changes, verifications, reasons),
    changes,
    reasons,
    outputs: stackOutputs(digest),
    samesShown: sameSteps >= (digest.changeSummary.same ?? 0),
    replacementStepsShown: !changes.some(
      (c) => c.order === undefined && ["rotate", "move", "take-over"].includes(c.change),
    ),
  };
}

/** Reviews the text `pulumi preview --json` wrote: the Markdown, and whether the preview failed. */
export function reviewPreview(text: string): { markdown: string; failed: boolean } {
  const review = reviewOf(parsePreviewJson(text));
  return { markdown: renderMarkdown(review), failed: review.failed };
}
