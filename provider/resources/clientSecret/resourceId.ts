import { parseCompositeId } from "../../okta/ids";
import { exampleId } from "./types";

/** The app and secret of a `ClientSecret` id (`"<appId>/<secretId>"`). */
export function parseSecretResourceId(id: string): { appId: string; secretId: string } {
  const { appId, childId } = parseCompositeId(id, "ClientSecret", exampleId);
  return { appId, secretId: childId };
}
