// @pulumi/pulumi's Node runtime logs every RegisterResource and ReadResource answer whole at debug level
// (runtime/resource.js: `log.debug(`RegisterResource RPC finished: ${label}; err: ${rpcErr}, resp: ${innerResponse}`)`),
// so `pulumi up --debug` and `-v=9` printed a resource's secret outputs (a client secret, a private key) in plaintext.
// The message is built from the answer's `toString()` (jspb's: every field comma-joined), where a secret's end cannot
// be found. So, when the sdk is loaded, the answers' `toString()` renders them from their fields instead: the URN,
// the id and the outputs as JSON, each secret value shown as `[secret]`; everything else as the engine sent it. Only
// that text changes: the runtime reads the answers through their getters, never through `toString()`.
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";

/** Pulumi's marker of a secret value in a serialized property. */
const secretSig = "4dabf18193072939515e22adb298388d";

/** `value` with every secret value (a `{ <sig>: "1b47…", value }` object) replaced by `[secret]`. */
function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[secretSig] === "1b47061264138c4ac30d75fd1eb44270") return "[secret]";
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, maskSecrets(v)]));
}

interface Answer {
  getUrn(): string;
  getId(): string;
  getObject?(): { toJavaScript(): unknown } | undefined;
  getProperties?(): { toJavaScript(): unknown } | undefined;
}

function describe(answer: Answer): string {
  const outputs = (answer.getObject ?? answer.getProperties)?.call(answer)?.toJavaScript();
  return `urn: ${answer.getUrn()}, id: ${answer.getId()}, outputs: ${JSON.stringify(maskSecrets(outputs ?? {}))}`;
}

let installed = false;

/** Installs the masked `toString()` on the answers' classes (once; what loading the sdk does). */
function maskSecretsInDebugLog(): void {
  if (installed) return;
  installed = true;
  for (const type of [resourceProto.RegisterResourceResponse, resourceProto.ReadResourceResponse]) {
    Object.defineProperty(type.prototype, "toString", {
      value(this: Answer) {
        try {
          return describe(this);
        } catch {
          return "[answer not shown: pulumi-okta-credentials could not mask its secrets]";
        }
      },
      configurable: true,
      writable: true,
    });
  }
}

maskSecretsInDebugLog();
