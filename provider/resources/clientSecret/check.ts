import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { isOktaApiError, withContext } from "../../okta/errors";
import { processOktaClient } from "../../okta/processClient";
import { isUnknown } from "../fullProvider";
import { adoptionHonoured, rememberAdoption } from "./adoptions";
import { clientSecretProblem, validateClientSecretInputs } from "./inputValidation";
import { replacementPlanned } from "./replacements";
import { sameTriggers } from "./rotationTriggers";
import { slotProblem } from "./slots";
import type { ClientSecretInputs } from "./types";

/**
 * `check`: validates every input before any request, then, when the plan will create or replace something, looks at
 * the app in Okta: its auth method's rules for secrets, the secret to adopt, and (for a new resource) a free slot.
 */
export async function checkClientSecret(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown>,
): Promise<CheckResult<ClientSecretInputs>> {
  const failures = validateClientSecretInputs(news);
  const inputs = { ...news } as unknown as ClientSecretInputs;
  const existing = olds !== undefined && Object.keys(olds).some((k) => k !== "__provider");
  const adoptSecretId = news.adoptSecretId;
  // Adoption is honoured when the resource is created or when adoptSecretId changes; any later replacement (a
  // rotation) creates a new secret instead of taking over the one the old resource still holds (see adoptions.ts).
  const honoured = (existing && olds.adoptSecretId === adoptSecretId) || adoptionHonoured(news.appId, adoptSecretId);
  if (existing && honoured) rememberAdoption(news.appId as string, adoptSecretId as string);
  // Configuration errors surface here, at preview, even before the first request.
  const okta = processOktaClient();
  const appId = news.appId;
  if (failures.length > 0 || typeof appId !== "string" || isUnknown(appId)) return result(inputs, failures);
  if (existing && !changesSecret(olds, news)) return result(inputs, failures);
  // The engine's second check of a replacement: diff has just read the app and its slots for these inputs.
  if (!existing && replacementPlanned(news)) return result(inputs, failures);

  let app: Awaited<ReturnType<typeof okta.getApp>>;
  try {
    app = await okta.getApp(appId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      failures.push({ property: "appId", reason: `app ${appId} does not exist in ${okta.orgUrl} (Okta answered 404)` });
      return result(inputs, failures);
    }
    throw withContext(e, `checking app ${appId}`);
  }
  const method = app.tokenEndpointAuthMethod;
  if (method === "private_key_jwt") {
    failures.push({
      property: "appId",
      reason:
        `app ${appId} authenticates with private_key_jwt, so Okta allows it no client secrets: ` +
        "authenticate it with a JSON Web Key (/credentials/jwks) instead, or change its token_endpoint_auth_method",
    });
    return result(inputs, failures);
  }
  const clientSecret = news.clientSecret;
  if (method === "client_secret_jwt" && typeof clientSecret === "string" && !isUnknown(clientSecret)) {
    const reason = clientSecretProblem(clientSecret, 32);
    if (reason) failures.push({ property: "clientSecret", reason });
  }

  const adopting = typeof adoptSecretId === "string" && !isUnknown(adoptSecretId) && !honoured;
  if (adopting) {
    failures.push(...(await adoptionFailures(appId, adoptSecretId)));
  } else if (!existing && !isUnknown(adoptSecretId)) {
    const secrets = await okta.listClientSecrets(appId).catch((e) => {
      throw withContext(e, `listing the client secrets of app ${appId}`);
    });
    const problem = slotProblem(appId, secrets);
    if (problem) failures.push({ property: "appId", reason: problem });
  }
  return result(inputs, failures);
}

async function adoptionFailures(appId: string, secretId: string): Promise<CheckFailure[]> {
  try {
    await processOktaClient().getClientSecret(appId, secretId);
    return [];
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      const reason = `adoptSecretId: app ${appId} has no client secret ${secretId}; set adoptSecretId to one of its secrets (see listClientSecrets), or remove adoptSecretId to create a new secret`;
      return [{ property: "adoptSecretId", reason }];
    }
    throw withContext(e, `reading client secret ${secretId} of app ${appId} to adopt it`);
  }
}

/** True when the inputs that decide which secret exists changed (so a new one may be created). */
function changesSecret(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  const keys = ["appId", "clientSecret", "adoptSecretId"] as const;
  return keys.some((k) => olds[k] !== news[k]) || !sameTriggers(olds.rotationTriggers, news.rotationTriggers);
}

function result(inputs: ClientSecretInputs, failures: CheckFailure[]): CheckResult<ClientSecretInputs> {
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
