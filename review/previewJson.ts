/**
 * The document `pulumi preview --json` writes, as far as the review reads it. Measured on the real engine (CLI
 * v3.274.1 built from `pkg/v3`, `backend/display/json.go`: `ShowPreviewDigest`) on the quickstart's steps and the
 * end-to-end fixtures, against the emulator:
 *
 * - Top level: `config` (the stack's config, secrets as `"[secret]"`, every other value in plaintext: never copied),
 *   `steps[]`, `diagnostics[]` (absent when there is none), `duration` (ns), `changeSummary` (`{ "same": 2, "replace":
 *   1 }`, the root stack included). A preview that fails still writes the document, with the error among the
 *   diagnostics, and exits 1.
 * - A step: `op`, `urn`, `provider`, `oldState`, `newState`, `replaceReasons` (the diff's `replaces`: for a
 *   `ClientSecret` rotation `["rotationTriggers"]`), `diffReasons` (never sent by the dynamic provider: absent),
 *   `detailedDiff` (always `null` for a dynamic resource: its `DiffResult` has none). `op` is `create`, `update`,
 *   `replace`, `delete`, `same` (and `read`, `refresh`, `import`…).
 * - Without `--show-sames`, unchanged resources have no step (the root stack always has one); `changeSummary.same`
 *   still counts them. Without `--show-replacement-steps`, a replacement is the one `replace` step; with it, that
 *   resource also has `create-replacement` and `delete-replaced` steps, in the engine's order: `delete-replaced`,
 *   `replace`, `create-replacement` for a delete-first replacement (the diff's `deleteBeforeReplace`, which is in no
 *   other field); `create-replacement`, `replace`, then `delete-replaced` for a create-first one, whose delete the
 *   engine runs after every registration (`GenerateDeletes` in `resource/deploy/step_generator.go`).
 * - A state: `urn`, `type`, `custom`, `id` (`<appId>/<secretId>`, old states only), `parent`, `inputs`, `outputs`,
 *   `dependencies`, `additionalSecretOutputs`… A dynamic resource's inputs hold `__provider` (its serialized code),
 *   the sdk's `__resourceUrn` (`resourceUrn` in state written by earlier versions) and a credential's `change` (what the
 *   provider's check says the run does to it: `action`, `order`, `retires`, `adopts`, `because`, `why`). At preview a new state's outputs are absent, or only echo the inputs (a replacement's):
 *   a new credential's id is unknown until `pulumi up`. Old outputs hold the values of the last `up` or `refresh`,
 *   a secret output as `"[secret]"` (`stack.SerializeResource` with `showSecrets` false, even under
 *   `--show-secrets`). An input unknown at preview is `"04da6b54-80e4-46f7-96ec-b56ff0331ba9"`.
 * - A component (`RotatingClientSecret`) has a step of its own only when created (or with `--show-sames`); its old
 *   outputs hold `generation`, `nextRotationAt`, `previousRetiresAt`, `current`, `previous`; its new state has none.
 * - A diagnostic: `urn`, `message`, `severity` (`info`, `info#err`, `warning`, `error`; `debug` is never written).
 *   A dynamic provider's line (its stderr) has no `urn`, severity `info#err`, and its text as printed:
 *   `"warning: ClientSecret \"api-slot0\" is replaced delete-first: heldRetired says …\n\n"`. A rotating component's
 *   line (`pulumi.log.info` on the stack) has no `urn`, severity `info`: `"RotatingClientSecret \"api\": generation 2
 *   began 2030-01-31; previous retires 2030-02-07; next rotation 2030-03-02 (time … from OKTA_CREDENTIALS_NOW)\n"`.
 *   A hook's error (the two-secret limit) has the resource's URN, severity `error`, `"error: app 0oa… held 2 client
 *   secrets …\nFix: …\n"`, and that resource has no step.
 */
export interface PreviewDigest {
  steps: PreviewStep[];
  diagnostics: PreviewDiagnostic[];
  /** Counts by operation, the root stack included; `same` counts unchanged resources even when they have no step. */
  changeSummary: Record<string, number>;
}

/** One step of the preview. */
export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: PreviewState;
  newState?: PreviewState;
  replaceReasons?: string[];
  diffReasons?: string[];
}

/** A resource's state before or after the step. */
export interface PreviewState {
  urn: string;
  type: string;
  id?: string;
  parent?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  dependencies?: string[];
}

/** A line of the preview's output: an error, a warning, or a provider's or program's information. */
export interface PreviewDiagnostic {
  urn?: string;
  message: string;
  severity: string;
}

/** An input the engine does not know at preview (it depends on a resource not created yet). */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How a secret value appears in the preview's JSON. */
export const secretMarker = "[secret]";

/** Why a text is not a preview document, for the person who piped it. */
export class PreviewInputError extends Error {
  override name = "PreviewInputError";
}

/**
 * Reads the text `pulumi preview --json` wrote. Anything else (an empty file, the text display, a stack export) is a
 * {@link PreviewInputError} that says how to make the document.
 */
export function parsePreviewJson(text: string): PreviewDigest {
  const how = "expected the output of `pulumi preview --json --show-sames --show-replacement-steps`";
  if (text.trim() === "") throw new PreviewInputError(`the input is empty: ${how}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const first = text.trimStart().slice(0, 40).split("\n")[0];
    throw new PreviewInputError(
      `the input is not JSON (${e instanceof Error ? e.message : String(e)}; it starts "${first}"): ${how}`,
    );
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.steps)) {
    throw new PreviewInputError(`the input is JSON but has no "steps" list: ${how}`);
  }
  return {
    steps: parsed.steps.filter(isRecord).flatMap((step, i) => {
      if (typeof step.op !== "string" || typeof step.urn !== "string") {
        throw new PreviewInputError(`steps[${i}] has no "op" or "urn": ${how}`);
      }
      return [toStep(step)];
    }),
    diagnostics: (Array.isArray(parsed.diagnostics) ? parsed.diagnostics : []).filter(isRecord).map((d) => ({
      ...(typeof d.urn === "string" && d.urn !== "" ? { urn: d.urn } : {}),
      message: typeof d.message === "string" ? d.message : "",
      severity: typeof d.severity === "string" ? d.severity : "info",
    })),
    changeSummary: isRecord(parsed.changeSummary)
      ? Object.fromEntries(
          Object.entries(parsed.changeSummary).filter((e): e is [string, number] => typeof e[1] === "number"),
        )
      : {},
  };
}

function toStep(step: Record<string, unknown>): PreviewStep {
  const out: PreviewStep = { op: step.op as string, urn: step.urn as string };
  const oldState = toState(step.oldState);
  const newState = toState(step.newState);
  if (oldState) out.oldState = oldState;
  if (newState) out.newState = newState;
  if (Array.isArray(step.replaceReasons)) out.replaceReasons = step.replaceReasons.filter(isString);
  if (Array.isArray(step.diffReasons)) out.diffReasons = step.diffReasons.filter(isString);
  return out;
}

function toState(value: unknown): PreviewState | undefined {
  if (!isRecord(value) || typeof value.urn !== "string" || typeof value.type !== "string") return undefined;
  const state: PreviewState = { urn: value.urn, type: value.type };
  if (typeof value.id === "string" && value.id !== "") state.id = value.id;
  if (typeof value.parent === "string") state.parent = value.parent;
  if (isRecord(value.inputs)) state.inputs = value.inputs;
  if (isRecord(value.outputs)) state.outputs = value.outputs;
  if (Array.isArray(value.dependencies)) state.dependencies = value.dependencies.filter(isString);
  return state;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
