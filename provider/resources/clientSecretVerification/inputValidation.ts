import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { oktaIdPattern } from "../../okta/ids";
import { isUnknown } from "../fullProvider";

/** Validates the `ClientSecretVerification` inputs without any request; values unknown at preview pass. */
export function validateVerificationInputs(news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const id = (property: string, example: string) => {
    const value = news[property];
    if (isUnknown(value)) return;
    if (typeof value !== "string" || !oktaIdPattern.test(value)) {
      failures.push({
        property,
        reason: `${property} must be an Okta id of 20 letters and digits, like ${example}, got ${JSON.stringify(value ?? null)}`,
      });
    }
  };
  id("appId", "0oa1b2c3d4e5f6g7h8i9");
  id("secretId", "ocs1b2c3d4e5f6g7h8i9");
  for (const property of ["secretHash", "checkedFor"]) {
    const value = news[property];
    if (!isUnknown(value) && (typeof value !== "string" || value === "")) {
      const what =
        property === "secretHash"
          ? "Okta's secret_hash of the secret (a ClientSecret's secretHash output)"
          : "a text saying why the check is made";
      failures.push({ property, reason: `${property} is required: ${what}` });
    }
  }
  return failures;
}
