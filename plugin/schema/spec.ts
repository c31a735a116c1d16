/**
 * What the schema generator cannot read from the sdk: the package's metadata, the provider's configuration, and for
 * each property the schema type TypeScript's own type does not give (every key the sdk declares must be here).
 */
import type { PropertyType } from "./generate";

type Table = Record<string, PropertyType>;

const text = { type: "string" } as const;
const secretText = { type: "string", secret: true } as const;
const flag = { type: "boolean" } as const;
const labels = { type: "object", additionalProperties: { type: "string" } } as const;
const ref = (name: string) => ({ $ref: `#/types/okta-credentials:index:${name}` });

/** The provider's configuration: `okta-credentials:<key>` in stack config, or an explicit provider's inputs. */
const configVariables = {
  orgName: {
    type: "string",
    description:
      "The org's subdomain, like `dev-123456` (with `baseUrl`). Falls back to `OKTA_ORG_NAME`. Pass @pulumi/okta's " +
      "`okta:orgName` to an explicit provider, so one stack config serves both.",
  },
  baseUrl: {
    type: "string",
    description:
      "The org's domain with `orgName`: `okta.com` (default), `oktapreview.com`, `okta-emea.com`. Falls back to `OKTA_BASE_URL`.",
  },
  orgUrl: {
    type: "string",
    description:
      "The org's full URL, for a custom domain or the emulator (`https://login.example.com`); plain http only for " +
      "loopback. The same key the dynamic provider reads (`okta-credentials:orgUrl`). Falls back to `OKTA_ORG_URL`.",
  },
  apiToken: {
    type: "string",
    secret: true,
    description:
      "An Okta API token (without `SSWS `). Falls back to `OKTA_API_TOKEN`. Pass @pulumi/okta's `okta:apiToken` to an " +
      "explicit provider rather than copying it into this namespace.",
  },
  accessToken: {
    type: "string",
    secret: true,
    description:
      "An OAuth 2.0 access token you obtained yourself (`Authorization: Bearer`). Falls back to `OKTA_ACCESS_TOKEN`.",
  },
  clientId: {
    type: "string",
    description: "An OAuth 2.0 service app's client id (with `privateKey`). Falls back to `OKTA_API_CLIENT_ID`.",
  },
  privateKey: {
    type: "string",
    secret: true,
    description: "The service app's private key, PEM or private JWK. Falls back to `OKTA_API_PRIVATE_KEY`.",
  },
  privateKeyId: {
    type: "string",
    description: "The `kid` of the service app's key. Falls back to `OKTA_API_PRIVATE_KEY_ID`.",
  },
  scopes: {
    type: "array",
    items: { type: "string" },
    description:
      "The service app's scopes; default `okta.apps.read`, `okta.apps.manage`. Falls back to `OKTA_API_SCOPES`.",
  },
  dpop: {
    type: "string",
    description:
      "`auto` (default): DPoP proofs once the token endpoint asks for them; `always`: from the first request.",
  },
  maxRetries: { type: "integer", description: "Retries after the first attempt of one request (default 5)." },
  requestTimeout: { type: "integer", description: "Seconds before one request is abandoned (default 30)." },
  maxWaitSeconds: { type: "integer", description: "Longest wait for a rate limit's reset, in seconds (default 65)." },
  maxApiCapacity: {
    type: "integer",
    description:
      "The percentage (1-100, default 100) of each rate-limit bucket's per-minute limit this provider may use.",
  },
} as const;

export const pkg = {
  name: "okta-credentials",
  displayName: "Okta client credentials",
  description:
    "Okta OAuth client credentials (client secrets and JSON Web Keys) as Pulumi resources, rotated with zero downtime.",
  keywords: ["pulumi", "okta", "oauth", "client-secret", "jwk", "rotation", "category/utility", "kind/native"],
  homepage: "https://github.com/pulumi-okta-credentials/pulumi-okta-credentials",
  repository: "https://github.com/pulumi-okta-credentials/pulumi-okta-credentials",
  license: "Apache-2.0",
  publisher: "pulumi-okta-credentials",
  language: {
    nodejs: {
      packageName: "@pulumi-okta-credentials/plugin-sdk",
      packageDescription:
        "The okta-credentials provider plugin's Node.js SDK (TypeScript programs need no plugin: see the README).",
      dependencies: { "@pulumi/pulumi": "^3.142.0" },
      respectSchemaVersion: true,
    },
    python: {
      packageName: "pulumi_okta_credentials",
      requires: { pulumi: ">=3.142.0,<4.0.0" },
      respectSchemaVersion: true,
      pyproject: { enabled: true },
    },
    go: {
      importBasePath: "github.com/pulumi-okta-credentials/pulumi-okta-credentials/sdk-go/oktacredentials",
      generateResourceContainerTypes: true,
      respectSchemaVersion: true,
    },
    csharp: {
      rootNamespace: "PulumiOktaCredentials",
      packageReferences: { Pulumi: "3.*" },
      respectSchemaVersion: true,
    },
  },
  config: {
    description:
      "Where the okta-credentials provider talks to and how it authenticates. A provider plugin receives only its own " +
      "namespace: pass @pulumi/okta's `okta:*` values to an explicit provider, or set `OKTA_*` variables (docs/plugin.md).",
    variables: configVariables,
  },
  types: {
    GenerateKeyPair: {
      file: "sdk/clientJsonWebKey.ts",
      name: "GenerateKeyPairArgs",
      properties: { algorithm: text, rsaBits: { type: "integer" } } as Table,
      required: ["algorithm"],
    },
    RotatingSecret: {
      file: "sdk/rotatingClientSecret.ts",
      name: "RotatingSecret",
      properties: { secretId: text, clientSecret: secretText, status: text, created: text } as Table,
      required: ["secretId", "clientSecret", "status", "created"],
    },
    RotatingJsonWebKey: {
      file: "sdk/rotatingClientJsonWebKey.ts",
      name: "RotatingJsonWebKey",
      properties: {
        keyId: text,
        kid: text,
        status: text,
        created: text,
        publicJwk: labels,
        privateKeyPem: secretText,
        privateJwk: { ...labels, secret: true },
      } as Table,
      required: ["keyId", "kid", "publicJwk", "status", "created"],
    },
    ClientSecretSummary: {
      file: "sdk/listClientSecrets.ts",
      name: "ClientSecretSummary",
      properties: { secretId: text, status: text, secretHash: text, created: text, lastUpdated: text } as Table,
      required: ["secretId", "status", "secretHash", "created", "lastUpdated"],
    },
    ClientJsonWebKeySummary: {
      file: "sdk/listClientJsonWebKeys.ts",
      name: "ClientJsonWebKeySummary",
      properties: {
        keyId: text,
        kid: text,
        status: text,
        use: text,
        algorithm: text,
        publicJwk: labels,
        created: text,
        lastUpdated: text,
      } as Table,
      required: ["keyId", "kid", "status", "use", "algorithm", "publicJwk", "created", "lastUpdated"],
    },
  },
};

/** A custom resource of the plugin, described by its sdk class and `Args` interface. */
export interface ResourceSpec {
  name: string;
  file: string;
  args: string;
  /** Where the class with the outputs lives, when not in `file`. */
  outputsFile?: string;
  description?: string;
  types: Table;
  requiredInputs: string[];
  requiredOutputs: string[];
}

export interface ComponentSpec extends ResourceSpec {}

export interface FunctionSpec {
  name: string;
  file: string;
  args: string;
  /** The interface of the result; or `outputs`, the result's properties themselves (a function answering a text). */
  result?: string;
  outputs?: Table;
  outputsFile?: string;
  types: Table;
  requiredInputs: string[];
  requiredOutputs: string[];
}

export const resources: ResourceSpec[] = [
  {
    name: "ClientSecret",
    file: "sdk/clientSecret.ts",
    args: "ClientSecretArgs",
    types: {
      appId: text,
      clientSecret: secretText,
      status: text,
      rotationTriggers: labels,
      adoptSecretId: text,
      heldRetired: { ...flag, side: "input" },
      secretId: text,
      secretHash: text,
      created: text,
      lastUpdated: text,
    },
    requiredInputs: ["appId"],
    requiredOutputs: ["appId", "secretId", "clientSecret", "secretHash", "status", "created", "lastUpdated"],
  },
  {
    name: "ClientJsonWebKey",
    file: "sdk/clientJsonWebKey.ts",
    args: "ClientJsonWebKeyArgs",
    types: {
      appId: text,
      publicKey: {
        type: "string",
        side: "input",
        description:
          "Bring a public key: a PEM (`PUBLIC KEY`, `RSA PUBLIC KEY`, or an X.509 `CERTIFICATE`) or a public JWK as JSON " +
          "text. A private key is refused at preview and never shown. Exclusive with `generate`. A different key " +
          "forces a replacement.",
      },
      generate: ref("GenerateKeyPair"),
      kid: text,
      use: text,
      algorithm: text,
      status: text,
      rotationTriggers: labels,
      adoptKeyId: text,
      heldRetired: { ...flag, side: "input" },
      keyId: text,
      publicJwk: labels,
      created: text,
      lastUpdated: text,
      privateKeyPem: secretText,
      privateJwk: { ...labels, secret: true },
    },
    requiredInputs: ["appId"],
    requiredOutputs: ["appId", "keyId", "kid", "publicJwk", "algorithm", "use", "status", "created", "lastUpdated"],
  },
  {
    name: "ClientSecretVerification",
    file: "sdk/clientSecretVerification.ts",
    args: "ClientSecretVerificationArgs",
    types: {
      appId: { ...text, description: "The OIDC app the secret belongs to (`0oa…`)." },
      secretId: { ...text, description: "Okta's id of the secret to prove (`ocs…`)." },
      secretHash: text,
      checkedFor: text,
      verifiedAt: text,
      answer: text,
    },
    requiredInputs: ["appId", "secretId", "secretHash", "checkedFor"],
    requiredOutputs: ["verifiedAt", "answer"],
  },
  {
    name: "ClientJsonWebKeyVerification",
    file: "sdk/clientJsonWebKeyVerification.ts",
    args: "ClientJsonWebKeyVerificationArgs",
    types: {
      appId: { ...text, description: "The OIDC app the key belongs to (`0oa…`)." },
      keyId: text,
      kid: text,
      privateKey: {
        type: "string",
        secret: true,
        description: "The key's private half (PEM or private JWK as JSON text), used once to sign a client assertion.",
      },
      checkedFor: text,
      verifiedAt: text,
      answer: text,
    },
    requiredInputs: ["appId", "keyId", "kid", "privateKey", "checkedFor"],
    requiredOutputs: ["verifiedAt", "answer"],
  },
];

// Plain values, read when the program runs (the sdk's ScheduleArgs and RotationFlags): never outputs of other resources.
const plainText = { type: "string", plain: true, side: "input" } as const;
const plainFlag = { type: "boolean", plain: true, side: "input" } as const;
const schedule: Table = {
  rotateEvery: plainText,
  retireAfter: plainText,
  anchor: plainText,
  now: plainText,
  adoptExisting: plainFlag,
  verify: plainFlag,
  appId: text,
  generation: { type: "integer" },
  nextRotationAt: text,
  previousRetiresAt: text,
  slots: "skip",
};

export const components: ComponentSpec[] = [
  {
    name: "RotatingClientSecret",
    file: "sdk/rotatingClientSecret.ts",
    args: "RotatingClientSecretArgs",
    types: { ...schedule, current: ref("RotatingSecret"), previous: ref("RotatingSecret") },
    requiredInputs: ["appId", "rotateEvery", "retireAfter"],
    requiredOutputs: ["current", "previous", "generation", "nextRotationAt", "previousRetiresAt"],
  },
  {
    name: "RotatingClientJsonWebKey",
    file: "sdk/rotatingClientJsonWebKey.ts",
    args: "RotatingClientJsonWebKeyArgs",
    types: {
      ...schedule,
      generate: ref("GenerateKeyPair"),
      current: ref("RotatingJsonWebKey"),
      previous: ref("RotatingJsonWebKey"),
    },
    requiredInputs: ["appId", "rotateEvery", "retireAfter"],
    requiredOutputs: ["current", "previous", "generation", "nextRotationAt", "previousRetiresAt"],
  },
];

export const functions: FunctionSpec[] = [
  {
    name: "listClientSecrets",
    file: "sdk/listClientSecrets.ts",
    args: "ListClientSecretsArgs",
    result: "ListClientSecretsResult",
    types: {
      appId: text,
      secrets: { type: "array", items: ref("ClientSecretSummary") },
    },
    requiredInputs: ["appId"],
    requiredOutputs: ["appId", "secrets"],
  },
  {
    name: "listClientJsonWebKeys",
    file: "sdk/listClientJsonWebKeys.ts",
    args: "ListClientJsonWebKeysArgs",
    result: "ListClientJsonWebKeysResult",
    types: {
      appId: text,
      keys: { type: "array", items: ref("ClientJsonWebKeySummary") },
    },
    requiredInputs: ["appId"],
    requiredOutputs: ["appId", "keys"],
  },
  {
    name: "signClientAssertion",
    file: "sdk/clientAssertion.ts",
    args: "SignClientAssertionArgs",
    types: {
      clientId: text,
      privateKey: {
        type: "string",
        secret: true,
        description: "The private key: PEM (PKCS#8, PKCS#1 or SEC1, unencrypted) or a private JWK as JSON text.",
      },
      kid: text,
      tokenUrl: text,
      orgUrl: text,
      algorithm: text,
      lifetimeSeconds: { type: "integer" },
    },
    outputs: {
      assertion: {
        type: "string",
        secret: true,
        description: "The signed client assertion (a JWT): a credential, used once.",
      },
    },
    requiredInputs: ["clientId", "privateKey"],
    requiredOutputs: ["assertion"],
  },
  {
    name: "requestClientCredentialsToken",
    file: "sdk/clientCredentialsToken.ts",
    args: "RequestClientCredentialsTokenArgs",
    result: "ClientCredentialsToken",
    outputsFile: "provider/okta/tokenEndpoint.ts",
    types: {
      clientId: text,
      scopes: { type: "array", items: text },
      tokenUrl: text,
      orgUrl: text,
      privateKey: {
        type: "string",
        secret: true,
        description: "Sign a fresh assertion with this private key (PEM or private JWK as JSON text).",
      },
      kid: text,
      algorithm: text,
      clientAssertion: secretText,
      clientSecret: secretText,
      accessToken: secretText,
      tokenType: text,
      expiresIn: { type: "integer" },
      scope: text,
    },
    requiredInputs: ["clientId", "scopes"],
    requiredOutputs: ["accessToken", "tokenType", "expiresIn", "scope"],
  },
];
