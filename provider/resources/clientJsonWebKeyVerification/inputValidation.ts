import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { readSigningKey } from "../../keys/privateKeyInput";
import { oktaIdPattern } from "../../okta/ids";
import { isUnknown } from "../fullProvider";

/**
 * Validates the `ClientJsonWebKeyVerification` inputs without any request; values unknown at preview pass. A failure
 * about `privateKey` has the property `""` and names it at the start of the reason, and never quotes the key: the
 * engine prints a property's value next to its failure.
 */
export function validateKeyVerificationInputs(news: Record<string, unknown>): CheckFailure[] {
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
  id("keyId", "pks1b2c3d4e5f6g7h8i9");
  for (const property of ["kid", "checkedFor"]) {
    const value = news[property];
    if (!isUnknown(value) && (typeof value !== "string" || value === "")) {
      const what =
        property === "kid" ? "the key's kid (a ClientJsonWebKey's kid output)" : "a text saying why the check is made";
      failures.push({ property, reason: `${property} is required: ${what}` });
    }
  }
  const { privateKey } = news;
  if (privateKey === undefined || privateKey === null || privateKey === "") {
    failures.push({
      property: "",
      reason: "privateKey is required: the key's private half (a generated ClientJsonWebKey's privateKeyPem output)",
    });
  } else if (!isUnknown(privateKey)) {
    try {
      readSigningKey(privateKey, "privateKey");
    } catch (e) {
      failures.push({ property: "", reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return failures;
}
