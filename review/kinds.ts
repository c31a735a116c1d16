/** What the review knows of each credential kind: how the preview names it, and Okta's limit per app. */
export interface CredentialKind {
  /** The resource's name in messages: `ClientSecret`. */
  name: "ClientSecret" | "ClientJsonWebKey";
  /** `secret`, `key`. */
  noun: string;
  nouns: string;
  /** What an app's section is about: `client secrets`, `JSON Web Keys`. */
  title: string;
  /** The output holding Okta's id of the credential (`ocs…`, `pks…`). */
  idOutput: "secretId" | "keyId";
  /** The input that takes an existing credential over. */
  adoptInput: "adoptSecretId" | "adoptKeyId";
  /** Okta's maximum per app (okta-api-facts.md; the provider refuses a plan over it at preview). */
  limit: number;
  /** Outputs a consumer reads that a replacement gives anew; the secret ones are named, never shown. */
  replacedOutputs: readonly string[];
  /** Outputs that are secrets: their names may be shown, never their values. */
  secretOutputs: readonly string[];
  /** Outputs only a credential made by the provider has (a generated key's private half), and its input that asks. */
  generated: { outputs: readonly string[]; input: string } | undefined;
}

const clientSecret: CredentialKind = {
  name: "ClientSecret",
  noun: "secret",
  nouns: "secrets",
  title: "client secrets",
  idOutput: "secretId",
  adoptInput: "adoptSecretId",
  limit: 2,
  replacedOutputs: ["clientSecret", "secretId", "secretHash", "created"],
  secretOutputs: ["clientSecret"],
  generated: undefined,
};

const clientJsonWebKey: CredentialKind = {
  name: "ClientJsonWebKey",
  noun: "key",
  nouns: "keys",
  title: "JSON Web Keys",
  idOutput: "keyId",
  adoptInput: "adoptKeyId",
  limit: 50,
  replacedOutputs: ["keyId", "kid", "publicJwk", "privateKeyPem", "privateJwk", "created"],
  secretOutputs: ["privateKeyPem", "privateJwk"],
  generated: { outputs: ["privateKeyPem", "privateJwk"], input: "generate" },
};

/** The credential kinds, by the resource type's last name. */
export const credentialKinds: Readonly<Record<string, CredentialKind>> = {
  ClientSecret: clientSecret,
  ClientJsonWebKey: clientJsonWebKey,
};

/** The rotating components and the kind of their two slots. */
export const rotatingKinds: Readonly<Record<string, CredentialKind>> = {
  RotatingClientSecret: clientSecret,
  RotatingClientJsonWebKey: clientJsonWebKey,
};

/** The resources that prove a rotating component's current credential before the previous one is retired. */
export const verificationKinds: readonly string[] = ["ClientSecretVerification", "ClientJsonWebKeyVerification"];

/** The type tokens this package's resources have: dynamic resources, and the components. */
const typePrefixes = ["pulumi-nodejs:dynamic/okta:", "pulumi-okta-credentials:index:"];

/** The resource a URN names: its type's last name (`ClientSecret`), its name, and its parent's type if any. */
interface ResourceName {
  urn: string;
  /** `ClientSecret`, `RotatingClientSecret`…, or undefined for a resource of another package. */
  kind: string | undefined;
  name: string;
  /** The last name of the parent's type (`RotatingClientSecret` for a slot), when the URN says it. */
  parentKind: string | undefined;
}

/** Reads `urn:pulumi:<stack>::<project>::<parent type>$<type>::<name>`. */
export function resourceName(urn: string): ResourceName {
  const parts = urn.split("::");
  const name = parts.slice(3).join("::");
  const types = (parts[2] ?? "").split("$");
  return { urn, kind: ourKind(types[types.length - 1]), name, parentKind: ourKind(types[types.length - 2]) };
}

function ourKind(type: string | undefined): string | undefined {
  const prefix = typePrefixes.find((p) => type?.startsWith(p));
  return prefix === undefined ? undefined : type?.slice(prefix.length);
}

/** `ClientSecret "api"`: how the provider's own lines name a resource. */
export function label(kind: string, name: string): string {
  return `${kind} "${name}"`;
}
