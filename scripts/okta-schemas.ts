/**
 * Extracts, from Okta's OpenAPI specs, the response schemas (as JSON Schema) and the examples of every operation the
 * emulator serves, into tests/contract/okta-schemas.generated.json. Regenerate, never hand-edit:
 *   npx ts-node --transpile-only scripts/okta-schemas.ts [specDir]
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { openapiSchemaToJsonSchema } from "@openapi-contrib/openapi-schema-to-json-schema";

type Json = Record<string, unknown>;

const OPERATIONS: Array<{ spec: "management" | "oauth"; path: string; methods: string[] }> = [
  { spec: "management", path: "/api/v1/apps", methods: ["get", "post"] },
  { spec: "management", path: "/api/v1/apps/{appId}", methods: ["get", "put", "delete"] },
  { spec: "management", path: "/api/v1/apps/{appId}/lifecycle/activate", methods: ["post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/lifecycle/deactivate", methods: ["post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/credentials/secrets", methods: ["get", "post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}", methods: ["get", "delete"] },
  {
    spec: "management",
    path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate",
    methods: ["post"],
  },
  {
    spec: "management",
    path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate",
    methods: ["post"],
  },
  { spec: "management", path: "/api/v1/apps/{appId}/credentials/jwks", methods: ["get", "post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}", methods: ["get", "delete"] },
  { spec: "management", path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate", methods: ["post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate", methods: ["post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/grants", methods: ["get", "post"] },
  { spec: "management", path: "/api/v1/apps/{appId}/grants/{grantId}", methods: ["get", "delete"] },
  { spec: "management", path: "/oauth2/v1/clients/{clientId}/roles", methods: ["get", "post"] },
  { spec: "management", path: "/oauth2/v1/clients/{clientId}/roles/{roleAssignmentId}", methods: ["get", "delete"] },
  { spec: "oauth", path: "/oauth2/v1/token", methods: ["post"] },
  { spec: "oauth", path: "/oauth2/v1/introspect", methods: ["post"] },
  { spec: "oauth", path: "/oauth2/v1/revoke", methods: ["post"] },
];

/** Resolves `#/components/examples/X` references by hand: the examples hold `$ref`-shaped data a parser would chase. */
function exampleValues(raw: Json, examples: Json | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const components = (raw.components as Json).examples as Record<string, Json>;
  for (const [name, example] of Object.entries(examples ?? {})) {
    const ref = (example as Json).$ref as string | undefined;
    const resolved = ref ? components[ref.replace("#/components/examples/", "")] : (example as Json);
    if (resolved && "value" in resolved) out[name] = resolved.value;
  }
  return out;
}

function withoutExamples(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node))
    if (key !== "example" && key !== "examples") out[key] = withoutExamples(value);
  return out;
}

function responseOf(document: Json, path: string, method: string, status: string): Json | undefined {
  const operation = ((document.paths as Json)[path] as Json)[method] as Json;
  const response = (operation.responses as Json)[status] as Json | undefined;
  if (response?.$ref) {
    const name = (response.$ref as string).replace("#/components/responses/", "");
    return ((document.components as Json).responses as Json)[name] as Json;
  }
  return response;
}

// The app operations answer Okta's polymorphic Application; the emulator serves OIDC apps only, so its responses are
// held to that one subtype (stricter, and stored once instead of three 330 KB copies).
const OIDC_APP_REF = { $ref: "okta-oidc-app" };
const APP_RESPONSES: Record<string, unknown> = {
  "GET /api/v1/apps 200": { type: "array", items: OIDC_APP_REF },
  "POST /api/v1/apps 200": OIDC_APP_REF,
  "GET /api/v1/apps/{appId} 200": OIDC_APP_REF,
  "PUT /api/v1/apps/{appId} 200": OIDC_APP_REF,
};

/**
 * The JWK responses are `oneOf: [signing key, encryption key]`, but the signing branch does not constrain `use`, so an
 * RSA encryption key matches both and fails `oneOf`: Okta's own examples (`oAuthClientJsonActiveEncryptionKey`) do.
 * The client-role responses are `oneOf: [StandardRole, CustomRole]`, which a standard role (Okta's own example
 * `StandardRoleResponseClient`) matches both of. That top-level choice becomes `anyOf`; each branch is still checked in
 * full.
 */
function relaxJwkChoice(path: string, schema: unknown): unknown {
  const choice = path.includes("/credentials/jwks") || path.includes("/roles");
  if (!choice || typeof schema !== "object" || schema === null) return schema;
  const node = schema as Json;
  const target = (node.type === "array" ? node.items : node) as Json;
  if (Array.isArray(target.oneOf)) {
    target.anyOf = target.oneOf;
    delete target.oneOf;
  }
  return schema;
}

/**
 * The token response's `token_type` enum is `[Bearer, N_A]`, but a DPoP-bound token is `"token_type": "DPoP"` (Okta's
 * DPoP guide, okta-developer-docs docs/guides/dpop/main): `DPoP` is added to the enum.
 */
function allowDpopTokenType(path: string, schema: unknown): unknown {
  if (path !== "/oauth2/v1/token" || typeof schema !== "object" || schema === null) return schema;
  const branches = ((schema as Json).allOf ?? [schema]) as Json[];
  for (const branch of branches) {
    const tokenType = (branch.properties as Json | undefined)?.token_type as Json | undefined;
    if (Array.isArray(tokenType?.enum) && !tokenType.enum.includes("DPoP")) tokenType.enum.push("DPoP");
  }
  return schema;
}

async function extract(specDir: string) {
  const result: Json = {};
  let oidcApp: unknown;
  for (const spec of ["management", "oauth"] as const) {
    const raw = (await SwaggerParser.parse(join(specDir, `${spec}-openapi.yaml`))) as unknown as Json;
    const clean = withoutExamples(structuredClone(raw)) as Json;
    const deref = (await SwaggerParser.dereference(clean as never, {
      dereference: { circular: "ignore" },
    })) as unknown as Json;
    if (spec === "management") {
      const schemas = (deref.components as Json).schemas as Json;
      oidcApp = { $id: "okta-oidc-app", ...openapiSchemaToJsonSchema(schemas.OpenIdConnectApplication as never) };
      delete (oidcApp as Json).$schema;
    }
    for (const { path, methods } of OPERATIONS.filter((o) => o.spec === spec)) {
      for (const method of methods) {
        const operation = ((raw.paths as Json)[path] as Json)[method] as Json;
        const responses: Json = {};
        for (const status of Object.keys(operation.responses as Json)) {
          const rawResponse = responseOf(raw, path, method, status);
          const media = (rawResponse?.content as Json | undefined)?.["application/json"] as Json | undefined;
          const derefMedia = ((responseOf(deref, path, method, status)?.content as Json | undefined)?.[
            "application/json"
          ] ?? undefined) as Json | undefined;
          const override = APP_RESPONSES[`${method.toUpperCase()} ${path} ${status}`];
          const converted = derefMedia?.schema ? openapiSchemaToJsonSchema(derefMedia.schema as never) : undefined;
          const schema = override ?? allowDpopTokenType(path, relaxJwkChoice(path, converted));
          if (schema && !override) delete (schema as Json).$schema;
          responses[status] = {
            schema: schema ?? null,
            examples: exampleValues(raw, media?.examples as Json | undefined),
          };
        }
        result[`${method.toUpperCase()} ${path}`] = { spec, operationId: operation.operationId, responses };
      }
    }
  }
  return { operations: result, oidcApp };
}

const specDir = resolve(process.argv[2] ?? join(__dirname, "../../shared/okta-spec"));
extract(specDir).then(({ operations, oidcApp }) => {
  const out = join(__dirname, "../tests/contract/okta-schemas.generated.json");
  const source = "okta/okta-management-openapi-spec dist/current, release 2026.06.3";
  writeFileSync(out, `${JSON.stringify({ source, schemas: [oidcApp], operations })}\n`);
  console.log(`wrote ${Object.keys(operations).length} operations to ${out}`);
});
