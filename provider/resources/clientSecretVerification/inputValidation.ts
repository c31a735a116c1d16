import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { validateVerificationBasics } from "../verificationProvider";

/** Validates the `ClientSecretVerification` inputs without any request; values unknown at preview pass. */
export function validateVerificationInputs(news: Record<string, unknown>): CheckFailure[] {
  return validateVerificationBasics(
    news,
    "secretId",
    "ocs1b2c3d4e5f6g7h8i9",
    "secretHash",
    "Okta's secret_hash of the secret (a ClientSecret's secretHash output)",
  );
}
