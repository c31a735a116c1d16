import type * as provider from "@pulumi/pulumi/provider";
import { type FullResourceProvider, providers } from "../provider";
import { forResource } from "./diagnostics";
import { reveal, toEngine } from "./propertyValues";
import { inPluginTerms } from "./providerConfig";

/**
 * The custom resources of the plugin: each kind's seven hooks of the core (`providers.<Kind>` of
 * `pulumi-okta-credentials/provider`, the dynamic provider's own), served as a provider plugin's CRUD calls. The
 * adapter holds no Okta rule: it gives the core the resource's URN (the `__resourceUrn` input the dynamic path's sdk
 * adds) and keeps it out of what the engine stores, reveals secret inputs and marks the outputs that are secrets, and
 * turns `pulumi import`'s id-only read into the core's adoption of that credential.
 */
interface Kind {
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own input and output types; the engine's are untyped.
  hooks: FullResourceProvider<any, any>;
  /** Inputs that are secrets whatever the program said (a brought secret, a private key). */
  secretInputs: readonly string[];
  /** Outputs that are secrets: encrypted in state, masked in every display. */
  secretOutputs: readonly string[];
  /** What `pulumi import <appId>/<childId>` amounts to: the input that adopts it, and what it is called. */
  adoption?: { input: string; noun: string; list: string };
}

type Props = Record<string, unknown>;

/** What the core adds to inputs and outputs for itself, never shown to the engine. */
const hidden = ["__resourceUrn", "resourceUrn", "__provider"] as const;

export const kinds: Record<string, Kind> = {
  "okta-credentials:index:ClientSecret": {
    hooks: providers.ClientSecret,
    secretInputs: ["clientSecret"],
    secretOutputs: ["clientSecret"],
    adoption: { input: "adoptSecretId", noun: "client secret", list: "listClientSecrets" },
  },
  "okta-credentials:index:ClientJsonWebKey": {
    hooks: providers.ClientJsonWebKey,
    secretInputs: [],
    secretOutputs: ["privateKeyPem", "privateJwk"],
    adoption: { input: "adoptKeyId", noun: "JSON Web Key", list: "listClientJsonWebKeys" },
  },
  "okta-credentials:index:ClientSecretVerification": {
    hooks: providers.ClientSecretVerification,
    secretInputs: [],
    secretOutputs: [],
  },
  "okta-credentials:index:ClientJsonWebKeyVerification": {
    hooks: providers.ClientJsonWebKeyVerification,
    secretInputs: ["privateKey"],
    secretOutputs: [],
  },
};

/** The resource type of a URN (`urn:pulumi:stack::project::parent$type::name` → `type`). */
function typeOf(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

function kindOf(urn: string): Kind {
  const kind = kinds[typeOf(urn)];
  if (!kind) throw new Error(`the okta-credentials provider has no resource type ${typeOf(urn)} (${urn})`);
  return kind;
}

/** Runs a hook for `urn`, its diagnostics attached to the resource and its errors in the plugin's own terms. */
async function served<T>(urn: string, hook: () => Promise<T>): Promise<T> {
  try {
    return await forResource(urn, hook);
  } catch (e) {
    if (e instanceof Error) e.message = inPluginTerms(e.message);
    throw e;
  }
}

function isEmpty(props: Props): boolean {
  return Object.keys(props).length === 0;
}

export const customResourceCalls: Required<
  Pick<provider.Provider, "check" | "diff" | "create" | "read" | "update" | "delete">
> = {
  check: (urn, olds, news) =>
    served(urn, async () => {
      const kind = kindOf(urn);
      const old = reveal(olds).plain;
      const { plain, secrets } = reveal(news);
      const result = await kind.hooks.check(isEmpty(old) ? undefined : { ...old, __resourceUrn: urn }, {
        ...plain,
        __resourceUrn: urn,
      });
      const inputs = toEngine(result.inputs as Props, [...secrets, ...kind.secretInputs], hidden);
      const failures = (result.failures ?? []).map((f) => ({ property: f.property, reason: inPluginTerms(f.reason) }));
      return failures.length > 0 ? { inputs, failures } : { inputs };
    }),

  diff: (id, urn, olds, news) =>
    served(urn, async () => {
      const kind = kindOf(urn);
      const result = await kind.hooks.diff(
        id,
        { ...reveal(olds).plain, __resourceUrn: urn },
        { ...reveal(news).plain, __resourceUrn: urn },
      );
      return {
        changes: result.changes ?? false,
        replaces: result.replaces ?? [],
        deleteBeforeReplace: result.deleteBeforeReplace ?? false,
      };
    }),

  create: (urn, inputs) =>
    served(urn, async () => {
      const kind = kindOf(urn);
      const { plain, secrets } = reveal(inputs);
      const outputSecrets = [...kind.secretOutputs, ...secrets];
      try {
        const result = await kind.hooks.create({ ...plain, __resourceUrn: urn });
        return { id: result.id, outs: toEngine(result.outs as Props, outputSecrets, hidden) };
      } catch (e) {
        // Created but not initialised (the engine's ErrorResourceInitFailed): its properties are state too.
        const failed = e as { properties?: Props };
        if (failed.properties) failed.properties = toEngine(failed.properties, outputSecrets, hidden);
        throw e;
      }
    }),

  read: (id, urn, props) =>
    served(urn, async () => {
      const kind = kindOf(urn);
      const prior = reveal(props as Props | undefined).plain;
      // `pulumi import` (and the `import` option) read by id alone: the credential is taken over as adoption does, so
      // the imported resource is one that adopted it, with the same rules (docs/plugin.md#import).
      const importing = isEmpty(prior);
      const childId = id.includes("/") ? id.slice(id.indexOf("/") + 1) : undefined;
      const adopt = importing && kind.adoption && childId ? { [kind.adoption.input]: childId } : {};
      const result = await kind.hooks.read(id, { ...prior, ...adopt, __resourceUrn: urn });
      if (!result.id && importing && kind.adoption) {
        // The engine would blame the plugin ("does not support importing"): say what is missing instead.
        const { noun, list } = kind.adoption;
        throw new Error(
          `importing ${id}: app ${id.slice(0, id.indexOf("/"))} has no ${noun} ${childId} (or there is no such app); ` +
            `the id is <appId>/<id of one of its ${noun}s>, see ${list}`,
        );
      }
      if (!result.id) return { id: "" };
      const outs = toEngine(result.props as Props, kind.secretOutputs, hidden);
      if (result.inputs === undefined) return { id: result.id, props: outs };
      return { id: result.id, props: outs, inputs: toEngine(result.inputs as Props, kind.secretInputs, hidden) };
    }),

  update: (id, urn, olds, news) =>
    served(urn, async () => {
      const kind = kindOf(urn);
      const { plain, secrets } = reveal(news);
      const result = await kind.hooks.update(
        id,
        { ...reveal(olds).plain, __resourceUrn: urn },
        { ...plain, __resourceUrn: urn },
      );
      return { outs: toEngine(result.outs as Props, [...kind.secretOutputs, ...secrets], hidden) };
    }),

  delete: (id, urn, props) =>
    served(urn, async () => {
      await kindOf(urn).hooks.delete(id, { ...reveal(props).plain, __resourceUrn: urn });
    }),
};
