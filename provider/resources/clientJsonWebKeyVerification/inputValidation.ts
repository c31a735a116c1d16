import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { readSigningKey } from "../../keys/privateKeyInput";
import { isUnknown } from "../previewUnknowns";
import { validateVerificationBasics } from "../verificationProvider";

/**
 * Validates the `ClientJsonWebKeyVerification` inputs without any request; values unknown at preview pass. A failure
 * about `privateKey` has the property `""` and names it at the start of the reason, and never quotes the key: the
 * engine prints a property's value next to its failure.
 */
export function validateKeyVerificationInputs(news: Record<string, unknown>): CheckFailure[] {
  const failures = validateVerificationBasics(
    news,
    "keyId",
    "pks1b2c3d4e5f6g7h8i9",
    "kid",
    "the key's kid (a ClientJsonWebKey's kid output)",
  );
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
