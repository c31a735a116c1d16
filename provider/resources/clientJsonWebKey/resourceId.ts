import { parseCompositeId } from "../../okta/ids";
import { exampleId } from "./types";

/** The app and key of a `ClientJsonWebKey` id (`"<appId>/<keyId>"`). */
export function parseKeyResourceId(id: string): { appId: string; keyId: string } {
  const { appId, childId } = parseCompositeId(id, "ClientJsonWebKey", exampleId);
  return { appId, keyId: childId };
}
