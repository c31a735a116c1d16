import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { oktaIdPattern } from "../../okta/ids";
import { validateCommonInputs } from "../commonInputs";
import { isUnknown } from "../previewUnknowns";

const printableAscii = /^[\x20-\x7E]*$/;

/**
 * Validates the `ClientSecret` inputs without any request: each failure names the property and the fix. Values
 * unknown at preview pass. Never quotes a secret.
 */
export function validateClientSecretInputs(news: Record<string, unknown>): CheckFailure[] {
  const failures = validateCommonInputs(news);
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const { clientSecret, adoptSecretId } = news;

  if (clientSecret !== undefined && clientSecret !== null && !isUnknown(clientSecret)) {
    const reason = clientSecretProblem(clientSecret, 14);
    if (reason) fail("clientSecret", reason);
  }

  if (adoptSecretId !== undefined && adoptSecretId !== null && !isUnknown(adoptSecretId)) {
    if (typeof adoptSecretId !== "string" || !oktaIdPattern.test(adoptSecretId)) {
      fail(
        "adoptSecretId",
        `adoptSecretId ${JSON.stringify(adoptSecretId)} is not an Okta client secret id: expected 20 letters and digits, like ocs1b2c3d4e5f6g7h8i9`,
      );
    }
  }
  if (isGiven(clientSecret) && isGiven(adoptSecretId)) {
    fail(
      "adoptSecretId",
      "set either clientSecret (create a secret with this value) or adoptSecretId (take over an existing secret), not both",
    );
  }
  return failures;
}

/** Why a bring-your-own secret is not acceptable to Okta (`minLength` 32 under `client_secret_jwt`), or undefined. */
export function clientSecretProblem(value: unknown, minLength: number): string | undefined {
  if (typeof value !== "string") return `clientSecret must be a string, got a ${typeof value}`;
  const rule = `Okta accepts 14 to 100 printable ASCII characters${minLength > 14 ? `, and at least ${minLength} for this app` : ""}`;
  if (!printableAscii.test(value)) {
    return `clientSecret contains characters outside printable ASCII (space to ~): ${rule}`;
  }
  if (value.length < minLength || value.length > 100) {
    const why = minLength > 14 ? " because the app authenticates with client_secret_jwt" : "";
    return `clientSecret is ${value.length} characters long; it must be ${minLength} to 100${why}: ${rule}, or omit it to let Okta generate one`;
  }
  return undefined;
}

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}
