import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { oktaIdPattern } from "../okta/ids";
import { isUnknown } from "./previewUnknowns";

/**
 * Validates the inputs every credential resource has (`appId`, `status`, `rotationTriggers`, `heldRetired`) without any request:
 * each failure names the property and the fix. Values unknown at preview pass.
 */
export function validateCommonInputs(news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const { appId, status, rotationTriggers, heldRetired } = news;

  if (appId === undefined || appId === null || appId === "") {
    fail("appId", "appId is required: the id of the OIDC app (like 0oa1b2c3d4e5f6g7h8i9)");
  } else if (typeof appId !== "string") {
    fail("appId", `appId must be a string (the app's id, like 0oa1b2c3d4e5f6g7h8i9), got a ${typeof appId}`);
  } else if (!isUnknown(appId) && !oktaIdPattern.test(appId)) {
    fail(
      "appId",
      `appId "${appId}" is not an Okta app id: expected 20 letters and digits, like 0oa1b2c3d4e5f6g7h8i9 ` +
        "(use the app's id, e.g. okta.app.OAuth's id output, not its label)",
    );
  }

  if (status !== undefined && status !== null && !isUnknown(status) && status !== "ACTIVE" && status !== "INACTIVE") {
    fail("status", `status must be "ACTIVE" or "INACTIVE", got ${JSON.stringify(status)}`);
  }

  if (rotationTriggers !== undefined && rotationTriggers !== null && !isUnknown(rotationTriggers)) {
    if (typeof rotationTriggers !== "object" || Array.isArray(rotationTriggers)) {
      fail("rotationTriggers", 'rotationTriggers must be a map of strings, like { rotation: "2026-11" }');
    } else {
      for (const [key, value] of Object.entries(rotationTriggers)) {
        if (typeof value !== "string") {
          fail(
            `rotationTriggers.${key}`,
            `rotationTriggers.${key} must be a string, got a ${value === null ? "null" : typeof value}: convert it, e.g. String(value)`,
          );
        }
      }
    }
  }

  if (
    heldRetired !== undefined &&
    heldRetired !== null &&
    !isUnknown(heldRetired) &&
    typeof heldRetired !== "boolean"
  ) {
    fail("heldRetired", `heldRetired must be true or false, got ${JSON.stringify(heldRetired)}`);
  }

  return failures;
}
