import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type OktaEmulator, type OktaEmulatorOptions, startOktaEmulator } from "../../emulator/index";
import spec from "./okta-schemas.generated.json";

type Json = Record<string, unknown>;
interface SpecResponse {
  schema: unknown;
  examples: Record<string, unknown>;
}
interface SpecOperation {
  spec: string;
  operationId: string;
  responses: Record<string, SpecResponse>;
}

const operations = spec.operations as unknown as Record<string, SpecOperation>;
// Okta's spec (OpenAPI 3.0) repeats an enum value and uses OpenAPI-only keywords: compile without schema checks.
const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
addFormats(ajv);
for (const schema of spec.schemas) ajv.addSchema(schema as Json);
const compiled = new Map<string, ValidateFunction>();
const templates = Object.keys(operations).map((key) => {
  const [method, path] = key.split(" ") as [string, string];
  return { key, method, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`) };
});

/** The spec's operation for a request, e.g. `POST /api/v1/apps/{appId}/credentials/secrets`. */
export function specOperation(method: string, pathname: string): SpecOperation & { key: string } {
  const match = templates.find((t) => t.method === method && t.pattern.test(pathname));
  if (!match) throw new Error(`no operation in Okta's spec for ${method} ${pathname}`);
  return { key: match.key, ...(operations[match.key] as SpecOperation) };
}

/** The named examples of one response of one operation, e.g. the 400 bodies of createOAuth2ClientSecret. */
export function specExamples(operationKey: string, status: string): Record<string, Json> {
  return (operations[operationKey]?.responses[status]?.examples ?? {}) as Record<string, Json>;
}

let validatedCount = 0;

/** Validates one response against the schema Okta's spec gives for its operation and status; returns the errors. */
export function validateResponse(method: string, pathname: string, status: number, body: unknown): string[] {
  const errorSchema = () => specOperation("GET", "/api/v1/apps/x/credentials/secrets").responses["401"] as SpecResponse;
  let operation: SpecOperation & { key: string };
  try {
    operation = specOperation(method, pathname);
  } catch (error) {
    // A known path asked with a method it does not serve (405 E0000022), or a path Okta does not have (404):
    // Okta's Error schema applies (below).
    if (status !== 405 && status !== 404) throw error;
    operation = { key: `${method} ${pathname}`, spec: "management", operationId: "", responses: {} };
  }
  let response = operation.responses[String(status)];
  // An error status the spec leaves out for this operation (e.g. 401 on the app routes): Okta's Error schema applies.
  if (!response && status >= 400) response = errorSchema();
  if (!response) return [`${status} is not a documented response of ${operation.key}`];
  if (response.schema === null) {
    // The app lifecycle operations document no body; live orgs answer `{}`, and so does the emulator.
    const empty =
      body === undefined ||
      ((operation.key.endsWith("/lifecycle/activate") || operation.key.endsWith("/lifecycle/deactivate")) &&
        JSON.stringify(body) === "{}");
    return empty ? [] : [`${operation.key} ${status} has no body in the spec`];
  }
  const cacheKey = `${operation.key} ${status}`;
  let validate = compiled.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(response.schema as Json);
    compiled.set(cacheKey, validate);
  }
  // Live orgs and every official SDK answer the JWKS list as {"keys": [...]}; the spec's schema is the bare array.
  const subject =
    operation.key === "GET /api/v1/apps/{appId}/credentials/jwks" && status === 200 ? (body as Json).keys : body;
  validatedCount++;
  if (validate(subject)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** A test's view of one emulator: Okta calls whose every response is checked against the spec. */
export interface OktaHarness {
  emulator: OktaEmulator;
  /** A Management API call with the SSWS token (or `auth`), body as JSON; the response must match the spec. */
  api<T = Json>(
    method: string,
    path: string,
    options?: { body?: unknown; auth?: string | null },
  ): Promise<ApiResponse<T>>;
  /** A Management API call with extra headers (e.g. `Authorization: DPoP …` and a `DPoP` proof). */
  apiWith<T = Json>(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<ApiResponse<T>>;
  /** A token-endpoint call with a form body. */
  token<T = Json>(form: Record<string, string>, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** A form POST to another OAuth endpoint of the org authorization server, e.g. `/oauth2/v1/introspect?client_id=…`. */
  oauth<T = Json>(
    path: string,
    form: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
}

async function send<T>(url: string, method: string, init: RequestInit): Promise<ApiResponse<T>> {
  const response = await fetch(url, { ...init, method });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : undefined) as T;
  const pathname = new URL(url).pathname;
  if (body === undefined && response.headers.get("www-authenticate")?.startsWith("DPoP ")) {
    // A resource server's DPoP challenge: the error is in the header, the body empty (no schema in the spec).
    expect([400, 401]).toContain(response.status);
  } else {
    const errors = validateResponse(method, pathname, response.status, body);
    expect(errors, `${method} ${pathname} ${response.status} against Okta's spec`).toEqual([]);
  }
  expect(response.headers.get("x-okta-request-id")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  return { status: response.status, body, headers: response.headers };
}

/** A Management API call to any emulator (e.g. one started with its own limits), validated like the harness's. */
export function callOkta<T = Json>(emulator: OktaEmulator, method: string, path: string): Promise<ApiResponse<T>> {
  return send(`${emulator.url}${path}`, method, { headers: { Authorization: `SSWS ${emulator.apiToken}` } });
}

/** Starts one emulator for the file (rate limit off unless given) and resets it after each test. */
export function useOktaHarness(options: OktaEmulatorOptions = {}): OktaHarness {
  const harness = {} as OktaHarness;
  beforeAll(async () => {
    harness.emulator = await startOktaEmulator({ rateLimit: "off", ...options });
  });
  afterEach(() => harness.emulator.reset());
  afterAll(() => harness.emulator?.close());
  harness.api = (method, path, options = {}) => {
    const headers: Record<string, string> = { Accept: "application/json" };
    const auth = options.auth === undefined ? `SSWS ${harness.emulator.apiToken}` : options.auth;
    if (auth !== null) headers.Authorization = auth;
    const init: RequestInit = { headers };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    return send(`${harness.emulator.url}${path}`, method, init);
  };
  harness.apiWith = (method, path, headers, body) => {
    const init: RequestInit = { headers: { Accept: "application/json", ...headers } };
    if (body !== undefined) {
      init.headers = { ...init.headers, "Content-Type": "application/json" };
      init.body = JSON.stringify(body);
    }
    return send(`${harness.emulator.url}${path}`, method, init);
  };
  harness.oauth = (path, form, headers = {}) =>
    send(`${harness.emulator.url}${path}`, "POST", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", ...headers },
      body: new URLSearchParams(form).toString(),
    });
  harness.token = (form, headers = {}) => harness.oauth("/oauth2/v1/token", form, headers);
  return harness;
}

/** How many responses this test file validated against the spec (asserted non-zero by each suite). */
export function validatedResponses(): number {
  return validatedCount;
}

/** The parts of an Okta error body the spec's examples fix: code, summary and causes (not the per-request errorId). */
export function errorShape(body: unknown): { errorCode: unknown; errorSummary: unknown; errorCauses: unknown } {
  const { errorCode, errorSummary, errorCauses } = body as Json;
  return { errorCode, errorSummary, errorCauses };
}

/** Provokes one error example of the spec against the emulator. */
export type ErrorTrigger = (h: OktaHarness) => Promise<{ status: number; body: unknown }>;

/**
 * One test per 400 example that Okta's spec gives for `operations`, each provoked by `provoke[name]` and compared
 * byte for byte in code, summary and causes; plus a test that every example has a trigger and none is left over.
 */
export function describeErrorExamples(
  title: string,
  operations: string[],
  provoke: Record<string, ErrorTrigger>,
  okta: OktaHarness,
): void {
  describe(title, () => {
    const examples = Object.assign({}, ...operations.map((operation) => specExamples(operation, "400"))) as Record<
      string,
      Json
    >;

    it("covers every 400 example of these operations in the spec", () => {
      expect(Object.keys(examples).sort()).toEqual(Object.keys(provoke).sort());
    });

    for (const [name, example] of Object.entries(examples)) {
      it(name, async () => {
        const trigger = provoke[name];
        if (!trigger) throw new Error(`no trigger for the spec example ${name}`);
        const response = await trigger(okta);
        expect(response.status).toBe(400);
        expect(errorShape(response.body)).toEqual(errorShape(example));
      });
    }
  });
}
